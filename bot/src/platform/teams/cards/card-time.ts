import type { Translate } from '../../i18n/messages';

/**
 * The instant as Teams' clients read it in a TextBlock: strict RFC 3339 in UTC, without the
 * milliseconds `toISOString` adds, which the date and time functions do not accept.
 */
const rfc3339 = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

/**
 * An instant as Adaptive Cards' {{DATE()}} and {{TIME()}} functions, which each viewer's Teams
 * shows in their own time zone and language: a member abroad reads it in their own hours, not
 * in the team's or in UTC. Only the words around them come from the catalog.
 */
export function cardDateTime(at: Date, t: Translate): string {
  const instant = rfc3339(at);
  return t('common.dateAtTime', {
    date: `{{DATE(${instant}, SHORT)}}`,
    time: `{{TIME(${instant})}}`,
  });
}

/** The day of an instant, in each viewer's own time zone. */
export function cardDate(at: Date): string {
  return `{{DATE(${rfc3339(at)}, SHORT)}}`;
}
