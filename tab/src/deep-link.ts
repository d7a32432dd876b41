import { updateParams, type UrlParams } from './url-state';

/**
 * Where a Teams deep link points. The bot's links (bot/src/teams/deep-links.ts) open the tab with
 * a sub-page id: `wall:{teamId}` or `agreement:{teamId}:{agreementId}`. Team ids hold ':' of
 * their own (19:…@thread.tacv2), so the agreement id is the last part.
 */
export function deepLinkParams(subPageId: string | undefined): UrlParams | undefined {
  if (!subPageId) return undefined;
  const wall = /^wall:(.+)$/.exec(subPageId);
  if (wall) return { view: 'wall', team: wall[1] };
  const agreement = /^agreement:(.+):([0-9a-f-]{36})$/i.exec(subPageId);
  if (agreement) return { view: 'agreements', team: agreement[1], agreement: agreement[2] };
  return undefined;
}

let followed = false;

/** Opens the view a deep link names, once per page load (a retry must not undo navigation). */
export function followDeepLink(subPageId: string | undefined): void {
  if (followed) return;
  followed = true;
  const params = deepLinkParams(subPageId);
  if (params) updateParams(params);
}
