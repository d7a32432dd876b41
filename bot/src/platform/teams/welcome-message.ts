import { TRAITS } from '../domain/traits';
import type { FeatureHelp } from '../feature';

/** The first thing a team reads: what Rapport does and what it keeps. */
export function welcomeText(
  kind: 'team' | 'groupChat' | 'personal',
  help: readonly FeatureHelp[],
): string {
  const where = kind === 'personal' ? 'you and your teams' : 'this team';
  return [
    `Hi! I'm **Rapport**. I help ${where} build trust without watching anyone:`,
    '',
    ...help.flatMap((h) => (h.welcome ? [h.welcome] : [])),
    '',
    `Traits we look at: ${TRAITS.map((t) => t.label).join(', ')}.`,
    '',
    ...help.flatMap((h) => (h.welcomeNote ? [h.welcomeNote] : [])),
    kind === 'personal'
      ? 'Type `help` at any time.'
      : 'Mention me with `@Rapport help` at any time: here I only read messages that mention me.',
  ].join('\n');
}

/** The commands, as the manifest's command lists offer them, and how to reach the bot. */
export function helpText(help: readonly FeatureHelp[]): string {
  return [
    'Here is what I can do:',
    '',
    ...help.flatMap((h) => h.commands ?? []),
    '- `help`: show this message.',
    '',
    'In a channel or group chat, mention me first: `@Rapport help`. In our 1:1 chat, just type the command.',
    '',
    'Open the Rapport tab for the team’s trust-health trend, the recognition wall and your agreements; its “What Rapport stores” view lists everything Rapport keeps about you.',
  ].join('\n');
}
