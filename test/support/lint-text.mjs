// Lints texts with the project's ESLint configuration through ESLint's Node API, in a process of
// its own: Jest's module runtime cannot load eslint.config.mjs (an ES module) without
// --experimental-vm-modules. Reads [{ filePath, code }] as JSON on stdin; writes each text's
// messages as JSON on stdout.
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint();
const results = [];
for (const { filePath, code } of texts) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
