import { isoWeekKey } from '../../../../bot/src/platform/domain/week';

describe('isoWeekKey', () => {
  describe('ISO-8601 week numbering', () => {
    it('puts 1 January 2026, a Thursday, in week 1 of 2026', () => {
      expect(isoWeekKey(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    });

    it('puts 1 January 2027, a Friday, in the 53rd week of 2026', () => {
      expect(isoWeekKey(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    });

    it('puts Monday 30 December 2024 in week 1 of 2025', () => {
      expect(isoWeekKey(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    });

    it('keeps Sunday 29 December 2024 in the last week of 2024', () => {
      expect(isoWeekKey(new Date('2024-12-29T12:00:00Z'))).toBe('2024-W52');
    });

    it('starts a new week on Monday, not on Sunday', () => {
      expect(isoWeekKey(new Date('2026-03-01T23:59:59Z'))).toBe('2026-W09');
      expect(isoWeekKey(new Date('2026-03-02T00:00:00Z'))).toBe('2026-W10');
    });

    it('pads single-digit weeks to two digits', () => {
      expect(isoWeekKey(new Date('2026-02-02T12:00:00Z'))).toBe('2026-W06');
    });

    it('uses UTC when no time zone is given', () => {
      const instant = new Date('2026-03-01T23:30:00Z');
      expect(isoWeekKey(instant)).toBe(isoWeekKey(instant, 'UTC'));
    });
  });

  describe('time zones: a team’s week starts on its own Monday', () => {
    it('counts Sunday 23:30 UTC, already Monday morning in Tokyo, in the next week for Tokyo', () => {
      const instant = new Date('2026-03-01T23:30:00Z'); // Monday 08:30 in Tokyo

      expect(isoWeekKey(instant, 'UTC')).toBe('2026-W09');
      expect(isoWeekKey(instant, 'Asia/Tokyo')).toBe('2026-W10');
    });

    it('starts the week at Monday 00:00 in India (UTC+5:30), asked in the minutes either side', () => {
      for (const at of ['2026-03-01T18:29:00Z', '2026-03-01T18:29:59Z'])
        expect(isoWeekKey(new Date(at), 'Asia/Kolkata')).toBe('2026-W09');
      for (const at of ['2026-03-01T18:30:00Z', '2026-03-01T18:30:59Z'])
        expect(isoWeekKey(new Date(at), 'Asia/Kolkata')).toBe('2026-W10');
      expect(isoWeekKey(new Date('2026-03-01T18:29:30Z'), 'Asia/Kolkata')).toBe('2026-W09');
    });

    it('counts Sunday 11:30 UTC, already Monday 00:30 in Auckland (UTC+13), in the next week', () => {
      const instant = new Date('2026-03-01T11:30:00Z');

      expect(isoWeekKey(instant, 'UTC')).toBe('2026-W09');
      expect(isoWeekKey(instant, 'Pacific/Auckland')).toBe('2026-W10');
    });

    it('moves Auckland across a year boundary before UTC does', () => {
      const instant = new Date('2025-12-28T12:00:00Z'); // Monday 29 December 01:00 in Auckland

      expect(isoWeekKey(instant, 'UTC')).toBe('2025-W52');
      expect(isoWeekKey(instant, 'Pacific/Auckland')).toBe('2026-W01');
    });

    it('keeps Monday morning in UTC in the previous week for Los Angeles, where it is still Sunday', () => {
      const instant = new Date('2026-03-02T05:00:00Z'); // Sunday 21:00 PST

      expect(isoWeekKey(instant, 'UTC')).toBe('2026-W10');
      expect(isoWeekKey(instant, 'America/Los_Angeles')).toBe('2026-W09');
    });

    it('follows Los Angeles across the weekend daylight saving time starts (8 March 2026)', () => {
      // Saturday 23:30 PST, before the change.
      expect(isoWeekKey(new Date('2026-03-08T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-W10');
      // Sunday 23:30 PDT, after the change: still the same week.
      expect(isoWeekKey(new Date('2026-03-09T06:30:00Z'), 'America/Los_Angeles')).toBe('2026-W10');
      // Monday 00:30 PDT: the next week.
      expect(isoWeekKey(new Date('2026-03-09T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-W11');
    });

    it('follows Los Angeles across the weekend daylight saving time ends (1 November 2026)', () => {
      // Sunday 23:30 PST; with the summer offset (UTC-7) it would already be Monday.
      expect(isoWeekKey(new Date('2026-11-02T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-W44');
      // Monday 00:00 PST: the next week.
      expect(isoWeekKey(new Date('2026-11-02T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-W45');
    });
  });
});
