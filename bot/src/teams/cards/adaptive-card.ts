/** The Adaptive Card shapes we build; Teams renders schema 1.5, not 1.6. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  msteams?: Record<string, unknown>;
  [extra: string]: unknown;
}

export function adaptiveCard(
  body: Record<string, unknown>[],
  extra: Partial<Omit<AdaptiveCard, 'type' | '$schema' | 'version' | 'body'>> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...extra,
  };
}

export const cardAttachment = (card: AdaptiveCard) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: card,
});
