import { teamPath } from '../api';

export const WALL_PAGE_SIZE = 20;

export interface WallQuery {
  tag?: string;
  recipient?: string;
  cursor?: string;
}

/** The API path of one page of the recognition wall. */
export function wallPageUrl(teamId: string, { tag, recipient, cursor }: WallQuery = {}): string {
  const query = new URLSearchParams({ limit: String(WALL_PAGE_SIZE) });
  if (tag) query.set('tag', tag);
  if (recipient) query.set('recipient', recipient);
  if (cursor) query.set('cursor', cursor);
  return teamPath(teamId, `/recognitions?${query}`);
}

export const quietUrl = (teamId: string): string => teamPath(teamId, '/recognitions/quiet');
