/**
 * Creating an Intl.DateTimeFormat costs far more than formatting with one (it was 2% of a busy
 * server's CPU when made per recognition), so each zone's formatter is made once per language.
 * IANA zones and Rapport's languages are bounded sets, and an unknown zone throws before anything
 * is kept.
 */
function memoizedByZone(options: Intl.DateTimeFormatOptions) {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (timeZone: string, locale = 'en-US'): Intl.DateTimeFormat => {
    const key = `${locale}|${timeZone}`;
    let formatter = made.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      made.set(key, formatter);
    }
    return formatter;
  };
}

/** Year, month and day of an instant in a zone. */
export const dateInZone = memoizedByZone({ year: 'numeric', month: '2-digit', day: '2-digit' });

/** Year to second (24-hour clock) of an instant in a zone. */
export const dateTimeInZone = memoizedByZone({
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * "Wednesday, Dec 2, 10:00 GMT+1": a moment as a member of the team reads it, in their language
 * when given (plain-text replies; cards use {{DATE()}} instead).
 */
export const momentInZone = memoizedByZone({
  weekday: 'long',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});
