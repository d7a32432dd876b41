/**
 * Makes user text safe for an Adaptive Card TextBlock: Teams renders a subset of Markdown there,
 * so links, emphasis, headings, lists and <at> mention markup typed by a person are neutralised
 * with Markdown's backslash escapes (cards support no HTML, so entities would show literally).
 */
export function escapeCardText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\\`*_{}[\]()#+\-.!|~<>]/g, (c) => `\\${c}`);
}
