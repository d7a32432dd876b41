import type { ConversationKind } from '../../../people/domain/installation';
import type { Translate } from '../../i18n/messages';
import { escapeCardText } from './escape';

/**
 * How a card sent privately names the team or chat it is about, so that someone in several can
 * tell their cards apart. A group chat often has no name; then it is "your group chat". The name
 * is the team's own and is shown as written.
 */
export function conversationLabel(
  conversation: { kind: ConversationKind; name?: string } | undefined,
  t: Translate,
): string {
  const name = conversation?.name?.trim();
  if (conversation?.kind === 'groupChat') {
    return name
      ? t('common.place.namedChat', { name: escapeCardText(name) })
      : t('common.place.groupChat');
  }
  return name ? escapeCardText(name) : t('common.place.team');
}
