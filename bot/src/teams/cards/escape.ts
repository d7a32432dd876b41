/**
 * Makes user text safe for an Adaptive Card TextBlock: Teams renders a subset of Markdown there,
 * so links, emphasis, headings, lists and <at> mention markup typed by a person are neutralised
 * and shown as the characters they typed.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;');
}
