/**
 * The Adaptive Card shapes we build; Teams renders schema 1.5, not 1.6. No `$schema` key: Teams
 * does not need it, and cards are stored in the outbox, where FerretDB refuses keys starting
 * with "$".
 */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  msteams?: Record<string, unknown>;
  [extra: string]: unknown;
}

export function adaptiveCard(
  body: Record<string, unknown>[],
  extra: Partial<Omit<AdaptiveCard, 'type' | 'version' | 'body'>> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    ...extra,
  };
}

export const cardAttachment = (card: AdaptiveCard) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: card,
});

/** A wrapping TextBlock, with any other properties it needs. */
export const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** A card's heading. */
export const titleBlock = (text: string) => textBlock(text, { weight: 'Bolder', size: 'Medium' });

/** Secondary text. */
export const subtleBlock = (text: string) => textBlock(text, { isSubtle: true });
