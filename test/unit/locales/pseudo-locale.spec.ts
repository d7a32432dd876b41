import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { pseudoLocalize, pseudoLocalizeCatalog } from '../../../locales/pseudo-locale';

const en = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'locales', 'en.json'), 'utf8'),
) as Record<string, string>;

/** The argument names a message uses, anywhere in it. */
function argumentsOf(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal) names.add(element.value);
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value, names);
    if (element.type === TYPE.tag) argumentsOf(element.children, names);
  }
  return names;
}

describe('the pseudo-locale en-XA', () => {
  it('accents, brackets and lengthens text, leaving arguments as they are', () => {
    expect(pseudoLocalize('Thanks, {name}')).toBe('[Ŧĥåñķš, {name} ~~~]');
  });

  it('keeps plural keywords, # and rich-text tags, and accents only the branches’ text', () => {
    expect(pseudoLocalize('{count, plural, one {# answer} other {# answers}} <b>so far</b>')).toBe(
      '[{count, plural, one {# åñšŵéŕ} other {# åñšŵéŕš}} <b>šö ƒåŕ</b> ~~~~~~~]',
    );
  });

  it('pads in short words, so that a long message wraps', () => {
    const long = pseudoLocalize('word '.repeat(20).trim());
    expect(long).toMatch(/ ~{10} ~{10} ~{8}\]$/);
  });

  it('leaves quoted ICU syntax alone', () => {
    expect(pseudoLocalize("Type '{name}' as is")).toBe("[Ŧýþé '{name}' åš îš ~~~]");
  });

  it('turns every English message into a valid message with the same arguments', () => {
    const pseudo = pseudoLocalizeCatalog(en);
    expect(Object.keys(pseudo)).toEqual(Object.keys(en));
    for (const [key, message] of Object.entries(en)) {
      const names = [...argumentsOf(parse(pseudo[key]))].sort();
      expect({ key, names }).toEqual({ key, names: [...argumentsOf(parse(message))].sort() });
      expect(pseudo[key]).toMatch(/^\[.* ~{1,10}\]$/s);
    }
  });
});
