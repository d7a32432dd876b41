/**
 * What the tab needs from the Teams host, through @microsoft/teams-js v2. The library is loaded
 * only inside Teams (dynamic import), so a browser outside Teams never downloads it.
 */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  /** The Teams team id (19:…@thread) of a channel tab, or the group chat's id; none in a personal tab. */
  teamId?: string;
  locale?: string;
  userName?: string;
  theme: TeamsTheme;
  /** The deep link's sub-page (`subEntityId`), e.g. `agreement:{teamId}:{agreementId}`. */
  subPageId?: string;
  /** The tab SSO token (Entra ID) for the Rapport API. */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
}

export const asTeamsTheme = (theme: string | undefined): TeamsTheme =>
  theme === 'dark' || theme === 'contrast' ? theme : 'default';

let library: Promise<typeof import('@microsoft/teams-js')> | undefined;

/** Loads and initializes teams-js once. */
export function loadTeams(): Promise<typeof import('@microsoft/teams-js')> {
  library ??= import('@microsoft/teams-js').then(async (teams) => {
    await teams.app.initialize();
    return teams;
  });
  return library;
}

/**
 * Connects to the Teams host and reads its context. `context.team.groupId` is the Microsoft 365
 * group id, not the Teams team id the bot stores, so the team is `team.internalId`.
 */
export async function connectTeams(): Promise<TeamsHost> {
  const teams = await loadTeams();
  const context = await teams.app.getContext();
  teams.app.notifySuccess().catch(() => undefined);
  return {
    teamId: context.team?.internalId ?? context.chat?.id,
    locale: context.app.locale,
    userName: context.user?.displayName,
    theme: asTeamsTheme(context.app.theme),
    subPageId: context.page.subPageId || undefined,
    getToken: () => teams.authentication.getAuthToken(),
    onThemeChange: (handler) =>
      teams.app.registerOnThemeChangeHandler((theme) => handler(asTeamsTheme(theme))),
  };
}

/**
 * Opens a Teams deep link (a chat, a new meeting) through the host, so that Teams opens it in
 * place instead of in a browser window.
 */
export async function openTeamsLink(link: string): Promise<void> {
  const teams = await loadTeams();
  await teams.app.openLink(link);
}
