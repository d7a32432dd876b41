import { storageSummary } from '../domain/privacy';
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
    'Type `help` at any time.',
  ].join('\n');
}

export function helpText(): string {
  return [
    'Here is what I can do:',
    '',
    '- `recognize @name for <trait> <message>`: thank a colleague for their work.',
    '- `help`: show this message.',
    '',
    'Open the Rapport tab for the team’s trust-health trend, the recognition wall and your agreements.',
  ].join('\n');
}
