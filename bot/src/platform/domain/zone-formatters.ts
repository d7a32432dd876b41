/**
 * Creating an Intl.DateTimeFormat costs far more than formatting with one (it was 2% of a busy
 * server's CPU when made per recognition), so each zone's formatter is made once. IANA zones are
 * a bounded set, and an unknown zone throws before anything is kept.
 */
function memoizedByZone(options: Intl.DateTimeFormatOptions) {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (timeZone: string): Intl.DateTimeFormat => {
    let formatter = made.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
      made.set(timeZone, formatter);
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

/** "Wednesday, Dec 2, 10:00 GMT+1": a moment as a member of the team reads it. */
export const momentInZone = memoizedByZone({
  weekday: 'long',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});
