/** The deck's categories, apart from its prompts so the tab can name them without the deck. */
export const CATEGORIES = [
  'light',
  'get-to-know-you',
  'work-style',
  'gratitude',
  'would-you-rather',
  'this-week',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  light: 'Light',
  'get-to-know-you': 'Get to know you',
  'work-style': 'Work style',
  gratitude: 'Gratitude',
  'would-you-rather': 'Would you rather',
  'this-week': 'This week',
};
