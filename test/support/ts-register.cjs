// Lets a child process run the TypeScript sources as they are (ts-node is not a dependency):
// `node -r ./test/support/ts-register.cjs file.ts`. Each .ts file is transpiled to CommonJS when
// required, without type checking (tsc and ts-jest do that); isolatedModules makes this safe.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};
