import type { AgreementCategory } from './agreement-categories';

export interface AgreementTemplate {
  id: string;
  title: string;
  category: AgreementCategory;
  text: string;
  /** Words a member can use as they are, where the agreement is about asking something. */
  suggestedMessage?: string;
}

const QUIET_MESSAGE =
  'Hi! I haven’t heard from you in a little while and wanted to check in — no need to explain ' +
  'anything. Is there something I can take off your plate, or anything you’d like a hand with?';

/**
 * Starting points a team can adopt as they are or edit before proposing. They replace the
 * office's unspoken rules (who is "online", who answers at night, why a meeting exists) with
 * explicit ones, and none of them asks anyone to watch anyone.
 */
export const AGREEMENT_TEMPLATES: readonly AgreementTemplate[] = [
  {
    id: 'outcomes-not-status',
    title: 'We judge work by outcomes, not by online status',
    category: 'collaboration',
    text:
      'We look at what we deliver and how we help each other, not at status lights, reply speed ' +
      'or hours online.\n' +
      '- Nobody is asked why they were “away”, and nobody keeps a status green to look busy.\n' +
      '- When we are unsure how something is going, we ask about the work itself.\n' +
      '- Plans and progress are written where the team can see them, so nobody has to watch anybody.',
  },
  {
    id: 'answer-in-working-hours',
    title: 'No one is expected to answer outside their working hours',
    category: 'availability',
    text:
      'Messages can be sent at any time; they are answered within the recipient’s own working ' +
      'hours, and a reply the next working day needs no apology.\n' +
      '- Late or early writers use scheduled send where they can.\n' +
      '- Something truly urgent gets a call, or “Urgent:” and the reason — and we keep that rare.\n' +
      '- We share our usual hours and time zone so others can plan around them.',
  },
  {
    id: 'meeting-purpose',
    title: 'Every recurring meeting states its purpose',
    category: 'meetings',
    text:
      'Each recurring meeting says in its invite why it exists and what it should produce: a ' +
      'decision, a plan, or a conversation that cannot be written.\n' +
      '- A meeting that cannot say so becomes a written update for two weeks, and we see if we miss it.\n' +
      '- Notes and decisions are shared with everyone, including those who could not attend.\n' +
      '- We look at our recurring meetings whenever we review these agreements.',
  },
  {
    id: 'cameras-optional',
    title: 'Cameras are optional',
    category: 'meetings',
    text:
      'Turning your camera on is always welcome and never required, and nobody is asked why ' +
      'theirs is off.\n' +
      'When seeing each other matters (a retrospective, a hard conversation, a welcome), the ' +
      'organiser says so in the invite and people choose.',
  },
  {
    id: 'five-minutes-non-work',
    title: 'Start meetings with five minutes of non-work talk',
    category: 'connection',
    text:
      'Team meetings open with five minutes that are not about work: a weekend, a book, a pet, a ' +
      'small win.\n' +
      '- Joining in is optional; listening counts too.\n' +
      '- The facilitator keeps it to five minutes, so it stays a gift and not a tax.',
  },
  {
    id: 'ask-openly-and-kindly',
    title: 'If someone goes quiet, we ask openly and kindly',
    category: 'communication',
    text:
      'When a teammate goes quiet, we do not guess, monitor or escalate. We ask them directly and ' +
      'privately, assume good reasons, and offer help rather than ask for an account.\n' +
      '- We never use presence, activity or reply times to judge anyone.\n' +
      '- What we might write: “' +
      QUIET_MESSAGE +
      '”',
    suggestedMessage: QUIET_MESSAGE,
  },
  {
    id: 'feedback-direct-kind-safe',
    title: 'Feedback is direct, kind and safe from retribution',
    category: 'feedback',
    text:
      'We say what we see early and to the person: about the work and its effect, never about ' +
      'character.\n' +
      '- We assume good intent, and we thank people for feedback, even when it stings.\n' +
      '- Nobody is penalised — in reviews, assignments or tone — for raising a concern or ' +
      'disagreeing with a lead.',
  },
  {
    id: 'revisit-every-quarter',
    title: 'We revisit these agreements every quarter',
    category: 'other',
    text:
      'Every quarter we look at our agreements together: which we keep, which changed in ' +
      'practice, and which no longer serve us.\n' +
      'Anyone can propose a change at any time; the review makes sure nothing goes stale, and ' +
      'Rapport reminds us when each one is due.',
  },
];

export function findTemplate(id: string): AgreementTemplate | undefined {
  return AGREEMENT_TEMPLATES.find((t) => t.id === id);
}
