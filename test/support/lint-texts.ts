import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');

export interface LintText {
  /** Where the text is linted as if it lived (relative to the project): the folder decides the rules. */
  filePath: string;
  code: string;
}

export interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Each text's ESLint messages under the project's eslint.config.mjs, linted by lint-text.mjs in a
 * child process (Jest's module sandbox cannot import the config); the files are not changed.
 */
export async function lintTexts(texts: readonly LintText[]): Promise<LintMessage[][]> {
  const run = promisify(execFile)(
    process.execPath,
    [path.join(root, 'test/support/lint-text.mjs')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  run.child.stdin!.end(
    JSON.stringify(texts.map((t) => ({ code: t.code, filePath: path.join(root, t.filePath) }))),
  );
  return JSON.parse((await run).stdout) as LintMessage[][];
}

/** The rule of each message, or its text when no rule raised it (a parse error). */
export const rulesOf = (messages: LintMessage[]): string[] =>
  messages.map((m) => m.ruleId ?? m.message);
