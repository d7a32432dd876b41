/**
 * Where the app is installed and who belongs there. The roster is what later decides who may
 * read a team's aggregates; nothing here records activity or presence.
 */
export type ConversationKind = 'team' | 'groupChat' | 'personal';

export interface Installation {
  /** The Teams team id for a team, the conversation id for a chat. */
  id: string;
  kind: ConversationKind;
  tenantId: string;
  name?: string;
  /** Opaque conversation reference, kept so the bot can write proactively later. */
  reference: Record<string, unknown>;
}

export interface RosterMember {
  aadObjectId: string;
  /** The Teams user id (29:…), needed to @mention and to message the member. */
  teamsUserId: string;
  name: string;
  /** Their sign-in name: Teams' chat and meeting deep links name people by it. */
  userPrincipalName?: string;
}

export interface InstallationRepository {
  /** Marks the conversation active; true when it was not active before (a new install). */
  activate(installation: Installation, at: Date): Promise<boolean>;
  /** Marks it inactive and keeps everything else: nothing is deleted silently. */
  deactivate(id: string, at: Date): Promise<void>;
  /** `installedAt`: when it was last installed (absent for conversations stored before it was kept). */
  find(id: string): Promise<(Installation & { active: boolean; installedAt?: Date }) | undefined>;
  replaceRoster(conversationId: string, members: RosterMember[], at: Date): Promise<void>;
  removeMembers(conversationId: string, aadObjectIds: string[]): Promise<void>;
  roster(conversationId: string): Promise<RosterMember[]>;
  /**
   * For naming people (and telling whether a recognition names a member), never for access: the
   * roster as read in the last two seconds (every roster change through this repository forgets
   * it; another instance's shows within that time).
   */
  rosterForNaming(conversationId: string): Promise<RosterMember[]>;
  /** For naming people only: the conversations listed for the person, read as above. */
  listedForNaming(tenantId: string, aadObjectId: string): Promise<string[]>;
  /** The members who have been in the conversation since `before` or earlier. */
  rosterSince(conversationId: string, before: Date): Promise<RosterMember[]>;
  /** Whether the person is in the conversation's stored roster: what grants access to its data. */
  isMember(conversationId: string, aadObjectId: string): Promise<boolean>;
  memberCount(conversationId: string): Promise<number>;
  /**
   * The active conversations whose roster holds the person, by name: those of the tenant, and
   * those installed without one (see belongsToTenant).
   */
  conversationsOf(tenantId: string, aadObjectId: string): Promise<ConversationSummary[]>;
}

/** What a member may see about a conversation: never its reference or roster details. */
export interface ConversationSummary {
  id: string;
  kind: ConversationKind;
  tenantId: string;
  name?: string;
}

/**
 * Whether a stored conversation belongs to a tenant. Tenant ids are GUIDs, compared without
 * case; installs from clients that send no tenant (local tools) store an empty one, which
 * belongs to every tenant.
 */
export function belongsToTenant(conversationTenantId: string, tenantId: string): boolean {
  return (
    conversationTenantId === '' || conversationTenantId.toLowerCase() === tenantId.toLowerCase()
  );
}

/** Keeps only members Teams identified fully; bots and guests without an AAD id are skipped. */
export function usableMembers(members: Partial<RosterMember>[]): RosterMember[] {
  const seen = new Set<string>();
  const result: RosterMember[] = [];
  for (const m of members) {
    if (!m.aadObjectId || !m.teamsUserId || seen.has(m.aadObjectId)) continue;
    seen.add(m.aadObjectId);
    result.push({
      aadObjectId: m.aadObjectId,
      teamsUserId: m.teamsUserId,
      name: m.name?.trim() || 'Teammate',
      ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
    });
  }
  return result;
}
