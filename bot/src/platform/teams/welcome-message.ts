import { storageSummary } from '../../features/privacy/domain/privacy';
import { TRAITS } from '../domain/traits';

/** The first thing a team reads: what Rapport does and what it keeps. */
export function welcomeText(kind: 'team' | 'groupChat' | 'personal'): string {
  const where = kind === 'personal' ? 'you and your teams' : 'this team';
  return [
    `Hi! I'm **Rapport**. I help ${where} build trust without watching anyone:`,
    '',
    '- **Recognize** a colleague: type `recognize @name for <trait> <message>`, or use the Recognize action on any message.',
    '- **Check-ins** the team designs itself, answered anonymously and shown only as team trends.',
    '- **Working agreements** the team proposes, endorses and revisits together.',
    '',
    `Traits we look at: ${TRAITS.map((t) => t.label).join(', ')}.`,
    '',
    storageSummary(),
    kind === 'personal'
      ? 'Type `help` at any time.'
      : 'Mention me with `@Rapport help` at any time: here I only read messages that mention me.',
  ].join('\n');
}

/** The commands, as the manifest's command lists offer them, and how to reach the bot. */
export function helpText(): string {
  return [
    'Here is what I can do:',
    '',
    '- `recognize @name for <trait> <message>`: thank a colleague for their work.',
    '- `checkin now`: start the team’s check-in at once (team leads, in the team or group chat).',
    '- `help`: show this message.',
    '',
    'In a channel or group chat, mention me first: `@Rapport help`. In our 1:1 chat, just type the command.',
    '',
    'Open the Rapport tab for the team’s trust-health trend, the recognition wall and your agreements; its “What Rapport stores” view lists everything Rapport keeps about you.',
  ].join('\n');
}
