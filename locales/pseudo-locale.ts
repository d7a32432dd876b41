/**
 * The pseudo-locale en-XA, made from the English catalog: every letter accented, every message
 * bracketed and about 35% longer. Tests read the tab in it to find text that skipped the catalog
 * (it stays plain ASCII) and layouts that break when a translation runs long. ICU syntax (argument
 * names, plural and select keywords, `#`, rich-text tags, quoted text) is left as it is, so the
 * result formats with the same arguments as English. Pure and dependency-free: the tab's build and
 * the tests both call it.
 */

export const PSEUDO_LOCALE = 'en-XA';

const ACCENTS: Record<string, string> = Object.fromEntries([
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c, i) => [c, 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž'[i]]),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c, i) => [c, 'ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŦÛṼŴẊÝŽ'[i]]),
]);

const PLURAL_TYPES = new Set(['plural', 'select', 'selectordinal']);

/** Reads one ICU message (or a plural/select branch) from `start`, accenting its literal text. */
class PseudoWriter {
  private out = '';
  private letters = 0;
  private i = 0;

  constructor(private readonly source: string) {}

  run(): { text: string; letters: number } {
    this.message(false);
    if (this.i < this.source.length)
      throw new Error(`Unbalanced "}" at ${this.i} in: ${this.source}`);
    return { text: this.out, letters: this.letters };
  }

  /** Literal text, arguments and tags until the `}` that closes a branch (or the end). */
  private message(inPlural: boolean): void {
    const s = this.source;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '}') return;
      if (c === '{') this.argument();
      else if (c === "'") this.quoted();
      else if (c === '<') this.tag();
      else if (c === '#' && inPlural) this.copy(1);
      else {
        const accented = ACCENTS[c];
        if (accented) this.letters++;
        this.out += accented ?? c;
        this.i++;
      }
    }
  }

  private copy(n: number): void {
    this.out += this.source.slice(this.i, this.i + n);
    this.i += n;
  }

  /** `''` is an apostrophe; `'{…'` and the like quote ICU syntax; any other `'` is a letter. */
  private quoted(): void {
    const s = this.source;
    const next = s[this.i + 1];
    if (next === "'") return this.copy(2);
    if (next === undefined || !'{}#<|'.includes(next)) return this.copy(1);
    const end = s.indexOf("'", this.i + 1);
    this.copy(end < 0 ? s.length - this.i : end + 1 - this.i);
  }

  /** A rich-text tag such as `<b>` or `</b>` is copied; a lone `<` is text. */
  private tag(): void {
    const match = /^<\/?[A-Za-z][\w-]*>/.exec(this.source.slice(this.i));
    if (match) this.copy(match[0].length);
    else {
      this.out += '<';
      this.i++;
    }
  }

  /** `{name}`, `{name, number, …}` or `{name, plural|select, key {branch} …}`. */
  private argument(): void {
    const s = this.source;
    const head = /^\{\s*[^\s,{}]+\s*(?:,\s*([a-z]+)\s*)?/.exec(s.slice(this.i));
    if (!head) throw new Error(`Bad argument at ${this.i} in: ${s}`);
    this.copy(head[0].length);
    const type = head[1];
    if (type && PLURAL_TYPES.has(type)) {
      this.copy(1); // the comma before the branches
      this.branches();
    } else {
      // A plain argument or a number/date/time style: no text of its own.
      const end = s.indexOf('}', this.i);
      if (end < 0) throw new Error(`Unclosed argument in: ${s}`);
      this.copy(end - this.i);
    }
    if (s[this.i] !== '}') throw new Error(`Unclosed argument in: ${s}`);
    this.copy(1);
  }

  private branches(): void {
    const s = this.source;
    for (;;) {
      const key = /^\s*(?:offset:\s*\d+\s*)?([^\s{}]+)?\s*/.exec(s.slice(this.i))!;
      this.copy(key[0].length);
      if (s[this.i] !== '{') return;
      this.copy(1);
      this.message(true);
      if (s[this.i] !== '}') throw new Error(`Unclosed branch in: ${s}`);
      this.copy(1);
    }
  }
}

/** Padding in words of at most 10, so that a long message still wraps as real text does. */
const padding = (length: number): string => ('~'.repeat(length).match(/~{1,10}/g) ?? []).join(' ');

/** "Thanks, {name}" → "[Ŧĥåñķš, {name} ~~~]". */
export function pseudoLocalize(message: string): string {
  const { text, letters } = new PseudoWriter(message).run();
  return `[${text} ${padding(Math.max(1, Math.ceil(letters * 0.35)))}]`;
}

/** The whole pseudo catalog, key for key. */
export function pseudoLocalizeCatalog(catalog: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, pseudoLocalize(v)]));
}
