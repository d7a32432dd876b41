/**
 * Makes user text safe for an Adaptive Card TextBlock: Teams renders a subset of Markdown there,
 * so links, emphasis, lists and <at> mention markup typed by a person are neutralised with
 * Markdown's backslash escapes (cards support no HTML, so entities would show literally).
 * Only characters that start Markdown in Teams are escaped, so plain punctuation stays as typed:
 * parentheses are left alone (a link needs its brackets, which are escaped), since Teams shows
 * "\(" literally and a sentence like "(it has 1001)" came out with backslashes.
 */
export function escapeCardText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\\`*_[\]~<>]/g, (c) => `\\${c}`)
      // Block syntax only counts at the start of a line: lists, numbered lists, headings, quotes.
      .replace(/^(\s*)([-+#]|\d+\.)(?=\s)/gm, (_m, space: string, marker: string) =>
        marker.endsWith('.') ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
      )
  );
}
