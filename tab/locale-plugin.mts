import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { PSEUDO_LOCALE, pseudoLocalizeCatalog } from '../locales/pseudo-locale.ts';

const PREFIX = 'virtual:rapport-locale/';
/**
 * The catalog keys the tab reads: its own, and what it shares with the server (the trait names,
 * the built-in icebreaker prompts).
 */
const TAB_KEY = /^(tab\.|traits\.|icebreakers\.prompt\.)/;

/**
 * Serves `virtual:rapport-locale/<tag>` as one module per language: the tab's keys of
 * locales/<tag>.json, each message parsed to its ICU syntax tree at build time, so the browser
 * needs no ICU parser (it is aliased away in vite.config.mts). en-XA is made from en.json.
 */
export function rapportLocales(localesDir: string): Plugin {
  return {
    name: 'rapport-locales',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const tag = id.slice(PREFIX.length + 1);
      const file = path.join(localesDir, `${tag === PSEUDO_LOCALE ? 'en' : tag}.json`);
      this.addWatchFile(file);
      const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
      const own = Object.fromEntries(Object.entries(all).filter(([key]) => TAB_KEY.test(key)));
      const catalog = tag === PSEUDO_LOCALE ? pseudoLocalizeCatalog(own) : own;
      const compiled = Object.fromEntries(
        Object.entries(catalog).map(([key, message]) => [key, parse(message)]),
      );
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
