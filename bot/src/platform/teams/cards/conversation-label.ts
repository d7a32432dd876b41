import type { ConversationKind } from '../../../people/domain/installation';
import { escapeCardText } from './escape';

/**
 * How a card sent privately names the team or chat it is about, so that someone in several can
 * tell their cards apart. A group chat often has no name; then it is "your group chat".
 */
export function conversationLabel(
  conversation: { kind: ConversationKind; name?: string } | undefined,
): string {
  const name = conversation?.name?.trim();
  if (conversation?.kind === 'groupChat') {
    return name ? `the “${escapeCardText(name)}” chat` : 'your group chat';
  }
  return name ? escapeCardText(name) : 'your team';
}
