/**
 * The categories an agreement is filed under, with their labels, in the order the tab groups
 * them. A plain module (no server code), so that the API, the bot's cards and the tab read the
 * same list.
 */
export const CATEGORY_LABELS = {
  communication: 'Communication',
  meetings: 'Meetings',
  availability: 'Availability',
  feedback: 'Feedback',
  collaboration: 'Collaboration',
  connection: 'Connection',
  other: 'Other',
} as const satisfies Record<string, string>;

export type AgreementCategory = keyof typeof CATEGORY_LABELS;

export const AGREEMENT_CATEGORIES = Object.keys(CATEGORY_LABELS) as [
  AgreementCategory,
  ...AgreementCategory[],
];
