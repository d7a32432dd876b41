import fc from 'fast-check';
import type { CoffeeCandidate } from '../../../../bot/src/features/coffee/domain/matching';
import {
  partnerTimes,
  sharedWorkingMinutes,
} from '../../../../bot/src/features/coffee/domain/shared-hours';

const member = (timeZone?: string, start = '09:00', end = '17:00'): CoffeeCandidate => ({
  id: `${timeZone}-${start}-${end}`,
  timeZone,
  workingHours: { start, end },
});

const london = member('Europe/London');
const newYork = member('America/New_York');
const monday = (isoDate: string) => new Date(`${isoDate}T08:00:00Z`);

describe('sharedWorkingMinutes', () => {
  describe('daylight-saving time', () => {
    it('gives London and New York three hours while both keep standard time', () => {
      expect(sharedWorkingMinutes(london, newYork, monday('2026-03-02'), 'UTC')).toBe(180);
    });

    it('gives them four hours in the weeks New York has moved its clocks and London not yet', () => {
      expect(sharedWorkingMinutes(london, newYork, monday('2026-03-09'), 'UTC')).toBe(240);
    });

    it('gives them three hours again once both are on summer time', () => {
      expect(sharedWorkingMinutes(london, newYork, monday('2026-03-30'), 'UTC')).toBe(180);
    });

    it('uses the new offset on the day London changes, not the day before', () => {
      const sunday = new Date('2026-03-29T12:00:00Z');
      expect(sharedWorkingMinutes(london, newYork, sunday, 'UTC')).toBe(180);
    });

    it('uses the new offset on the day of the change itself', () => {
      const sunday = new Date('2026-03-08T12:00:00Z');
      expect(sharedWorkingMinutes(london, newYork, sunday, 'UTC')).toBe(240);
    });

    it('counts the hour a spring-forward night skips as not worked', () => {
      // 00:00–04:00 in New York on 8 March 2026 is three real hours (02:00 never happens).
      const night = member('America/New_York', '00:00', '04:00');
      const allDay = member('UTC', '00:00', '23:59');
      expect(sharedWorkingMinutes(night, allDay, new Date('2026-03-08T12:00:00Z'), 'UTC')).toBe(
        180,
      );
    });
  });

  describe('zones half or three quarters of an hour off', () => {
    it('gives London and Kolkata (+5:30) two and a half hours in winter', () => {
      expect(
        sharedWorkingMinutes(london, member('Asia/Kolkata'), monday('2026-01-12'), 'UTC'),
      ).toBe(150);
    });

    it('gives London and Kathmandu (+5:45) two and a quarter hours in winter', () => {
      expect(
        sharedWorkingMinutes(london, member('Asia/Kathmandu'), monday('2026-01-12'), 'UTC'),
      ).toBe(135);
    });
  });

  it('finds the afternoon Los Angeles shares with the next morning in Sydney', () => {
    const sydney = member('Australia/Sydney');
    const losAngeles = member('America/Los_Angeles');
    expect(sharedWorkingMinutes(losAngeles, sydney, monday('2026-01-12'), 'UTC')).toBe(180);
  });

  it('gives nothing to Tokyo and New York, whose working days never meet', () => {
    expect(sharedWorkingMinutes(member('Asia/Tokyo'), newYork, monday('2026-01-12'), 'UTC')).toBe(
      0,
    );
  });

  it("treats an unknown zone as the programme's and unknown hours as 09:00–17:00", () => {
    const unknown: CoffeeCandidate = { id: 'x', timeZone: 'Mars/Olympus_Mons' };
    const broken: CoffeeCandidate = {
      id: 'y',
      timeZone: 'Europe/London',
      workingHours: { start: '17:00', end: '09:00' },
    };
    expect(sharedWorkingMinutes(unknown, broken, monday('2026-01-12'), 'Europe/London')).toBe(480);
    expect(sharedWorkingMinutes(unknown, newYork, monday('2026-01-12'), 'Europe/London')).toBe(180);
  });

  it('is the same whichever member comes first (property)', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/St_Johns',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
    ];
    const time = fc
      .integer({ min: 0, max: 23 * 60 + 59 })
      .map(
        (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
      );
    const someone = fc
      .record({ zone: fc.constantFrom(...zones), from: time, to: time })
      .map(({ zone, from, to }) => member(zone, from < to ? from : to, from < to ? to : from));
    const instant = fc.date({
      min: new Date('2025-01-01'),
      max: new Date('2027-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(someone, someone, instant, (a, b, date) => {
        const shared = sharedWorkingMinutes(a, b, date, 'UTC');
        expect(sharedWorkingMinutes(b, a, date, 'UTC')).toBe(shared);
        expect(shared).toBeGreaterThanOrEqual(0);
        const ab = partnerTimes(a, b, date, 'UTC');
        expect(partnerTimes(b, a, date, 'UTC').aheadMinutes + ab.aheadMinutes).toBe(0);
        expect(ab.shared === undefined).toBe(shared === 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('partnerTimes', () => {
  it('says Kolkata is five and a half hours ahead of London, and the shared hours in London time', () => {
    expect(partnerTimes(london, member('Asia/Kolkata'), monday('2026-01-12'), 'UTC')).toEqual({
      aheadMinutes: 330,
      shared: { start: '09:00', end: '11:30' },
    });
  });

  it('says London is behind, and gives the same hours in Kolkata time', () => {
    expect(partnerTimes(member('Asia/Kolkata'), london, monday('2026-01-12'), 'UTC')).toEqual({
      aheadMinutes: -330,
      shared: { start: '14:30', end: '17:00' },
    });
  });

  it('gives Kathmandu 5:45 ahead of London', () => {
    expect(partnerTimes(london, member('Asia/Kathmandu'), monday('2026-01-12'), 'UTC')).toEqual({
      aheadMinutes: 345,
      shared: { start: '09:00', end: '11:15' },
    });
  });

  it('follows daylight-saving time: New York is four hours behind London for three weeks in March', () => {
    expect(partnerTimes(london, newYork, monday('2026-03-09'), 'UTC')).toEqual({
      aheadMinutes: -240,
      shared: { start: '13:00', end: '17:00' },
    });
    expect(partnerTimes(london, newYork, monday('2026-03-30'), 'UTC').aheadMinutes).toBe(-300);
  });

  it('gives Sydney nineteen hours ahead of Los Angeles, sharing the Los Angeles afternoon', () => {
    const sydney = member('Australia/Sydney');
    const losAngeles = member('America/Los_Angeles');
    expect(partnerTimes(losAngeles, sydney, monday('2026-01-12'), 'UTC')).toEqual({
      aheadMinutes: 19 * 60,
      shared: { start: '14:00', end: '17:00' },
    });
  });

  it('gives no shared hours when the working days never meet', () => {
    expect(partnerTimes(newYork, member('Asia/Tokyo'), monday('2026-01-12'), 'UTC')).toEqual({
      aheadMinutes: 14 * 60,
    });
  });
});
