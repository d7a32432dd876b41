import { lintTexts, rulesOf } from '../../support/lint-texts';

const RULE = 'formatjs/no-literal-string-in-jsx';

interface Case {
  name: string;
  /** An existing tab component, linted with the case's code in place of its own (unchanged). */
  file: string;
  code: string;
  /** How many times the catalog rule must reject the code. */
  literals: number;
}

/** A component using the Fluent components it names and the catalog. */
const component = (fluent: string[], jsx: string) =>
  `import { ${fluent.join(', ')} } from '@fluentui/react-components';\n` +
  `import { useT } from '../i18n/use-t';\n` +
  `export function Example() {\n  const t = useT();\n  void t;\n  return ${jsx};\n}\n`;

const cases: Case[] = [
  {
    name: 'text between tags',
    file: 'tab/src/components/EmptyState.tsx',
    code: component(['Button'], '<Button>Save</Button>'),
    literals: 1,
  },
  {
    name: 'a label, a hint and an aria-label',
    file: 'tab/src/components/EmptyState.tsx',
    code: component(
      ['Field', 'Input'],
      '<Field label="Name" hint="Your full name"><Input aria-label="Your name" /></Field>',
    ),
    literals: 3,
  },
  {
    name: 'a template literal in a placeholder',
    file: 'tab/src/components/EmptyState.tsx',
    code: component(['Input'], '<Input placeholder={`Type a name`} />'),
    literals: 1,
  },
  {
    name: 'text from the catalog, and props that are not text',
    file: 'tab/src/components/EmptyState.tsx',
    code: component(
      ['Button', 'Field'],
      '<Field label={t(\'tab.common.cancel\')}><Button appearance="primary" size="small">{t(\'tab.common.delete\')}</Button></Field>',
    ),
    literals: 0,
  },
];

describe('the rule that keeps literal text out of tab components', () => {
  let rules: string[][];

  beforeAll(async () => {
    rules = (await lintTexts(cases.map((c) => ({ filePath: c.file, code: c.code })))).map(rulesOf);
  }, 120_000);

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    expect(rules[i]).toEqual(Array.from({ length: c.literals }, () => RULE));
  });
});
