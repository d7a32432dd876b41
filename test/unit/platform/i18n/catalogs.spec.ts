import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALES } from '../../../../bot/src/platform/domain/locales';

const DIR = join(__dirname, '../../../../locales');

const read = (tag: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(DIR, `${tag}.json`), 'utf8')) as Record<string, unknown>;

const en = read('en');
const translations = LOCALES.filter((l) => l !== 'en');

/** Each argument a message takes, with how it uses it: `{name}` and `{n, plural, …}` differ. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) {
      argumentsOf(e.children, found);
      continue;
    }
    found.add(`${e.value}:${TYPE[e.type]}`);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

const sorted = (s: Set<string>) => [...s].sort();

describe('the message catalogs (locales/<tag>.json)', () => {
  it('holds one file per language Rapport speaks, and nothing else that looks like a catalog', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  it.each([...LOCALES])(
    '%s is one flat object of dotted keys, sorted, with no empty entry',
    (tag) => {
      const catalog = read(tag);
      const keys = Object.keys(catalog);
      expect(keys).toEqual([...keys].sort());
      for (const key of keys) {
        expect(key).toMatch(/^[a-z][A-Za-z0-9-]*(\.[A-Za-z0-9_-]+)+$/);
        expect(typeof catalog[key]).toBe('string');
        expect((catalog[key] as string).trim()).not.toBe('');
      }
    },
  );

  it.each(translations)('%s has exactly the keys of en.json', (tag) => {
    expect(Object.keys(read(tag)).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([...LOCALES])('every message of %s parses as ICU MessageFormat', (tag) => {
    const failures = Object.entries(read(tag)).flatMap(([key, message]) => {
      try {
        parse(message as string);
        return [];
      } catch (err) {
        return [`${key}: ${(err as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it.each(translations)('every message of %s takes the arguments of its English source', (tag) => {
    const catalog = read(tag);
    // Japanese has one plural form: there `{n}` rightly stands where English needs `{n, plural, …}`.
    const oneForm = new Intl.PluralRules(tag).resolvedOptions().pluralCategories.length === 1;
    const used = (message: string) => {
      const found = sorted(argumentsOf(parse(message)));
      return oneForm ? [...new Set(found.map((a) => a.replace(/:plural$/, ':argument')))] : found;
    };
    const mismatches = Object.keys(en).flatMap((key) => {
      const want = used(en[key] as string);
      const got = used(catalog[key] as string);
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${key}: ${got} ≠ ${want}`];
    });
    expect(mismatches).toEqual([]);
  });
});
