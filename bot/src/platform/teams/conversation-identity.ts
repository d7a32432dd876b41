import type { Activity } from 'botbuilder';
import type { ConversationKind } from '../../people/domain/installation';

export interface ConversationIdentity {
  id: string;
  kind: ConversationKind;
  tenantId: string;
  name?: string;
}

/**
 * Reads which team or chat an activity belongs to. Team-scoped data is keyed by the team id
 * (the same for every channel), chats by their conversation id.
 */
export function conversationIdentity(
  activity: Partial<Activity>,
): ConversationIdentity | undefined {
  const channelData = (activity.channelData ?? {}) as {
    team?: { id?: unknown; name?: unknown };
    tenant?: { id?: unknown };
  };
  const conversation = activity.conversation;
  const tenantId =
    (typeof channelData.tenant?.id === 'string' && channelData.tenant.id) ||
    (typeof conversation?.tenantId === 'string' && conversation.tenantId) ||
    '';
  // These ids key every query: the edge (incoming-activity.ts) only lets strings through, and
  // this stays true for any other caller.
  if (typeof conversation?.id !== 'string' || !conversation.id) return undefined;
  if (typeof channelData.team?.id === 'string' && channelData.team.id) {
    return {
      id: channelData.team.id,
      kind: 'team',
      tenantId,
      name: typeof channelData.team.name === 'string' ? channelData.team.name : undefined,
    };
  }
  const kind: ConversationKind =
    conversation.conversationType === 'personal' ? 'personal' : 'groupChat';
  return { id: conversation.id, kind, tenantId, name: conversation.name };
}
