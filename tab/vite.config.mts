/// <reference types="node" />
import path from 'node:path';
import { defineConfig } from 'vite';
import { rapportLocales } from './locale-plugin.mts';

/**
 * The tab's build: a static site in tab/dist that the server serves at `/*`. Vite 8 compiles TSX
 * with its built-in transformer (automatic JSX runtime), so no React plugin is needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  // Absolute asset URLs: the same index.html answers /tab, /tab/config and any other view path.
  base: '/',
  plugins: [rapportLocales(path.join(import.meta.dirname, '..', 'locales'))],
  resolve: {
    // Catalogs arrive precompiled (locale-plugin.mts), so react-intl's ICU parser stays out of
    // the bundle: FormatJS's documented no-parser build in its place.
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        // The Teams SDK loads only inside Teams; a named chunk lets `npm run bench:tab` (and a
        // person reading the build output) tell it apart. The chart code is TrustChart-*.js.
        codeSplitting: {
          groups: [{ name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/ }],
        },
      },
      onwarn(warning, warn) {
        // Fluent UI marks its modules 'use client' for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://127.0.0.1:3978' } },
});
