import {
  afterRound,
  countMet,
  historyRounds,
  nextRoundAt,
  roundEndsAt,
  starterFor,
  statusOn,
  type CoffeeSettings,
  type ProgrammeMember,
} from '../../../../bot/src/features/coffee/domain/coffee';
import {
  pastMeetings,
  roundsBefore,
} from '../../../../bot/src/features/coffee/domain/coffee-history';
import {
  checkChange,
  memberAfterChange,
} from '../../../../bot/src/features/coffee/domain/coffee-membership';
import type { CoffeeRound } from '../../../../bot/src/features/coffee/domain/coffee-ports';
import { refusalOf } from '../../../support/refusal';

const settings = (over: Partial<CoffeeSettings> = {}): CoffeeSettings => ({
  enabled: true,
  every: 1,
  day: 'monday',
  time: '09:00',
  groupSize: 2,
  ...over,
});
const member = (over: Partial<ProgrammeMember> = {}): ProgrammeMember => ({
  joinedAt: new Date('2026-01-01T00:00:00Z'),
  ignoredInARow: 0,
  avoid: [],
  ...over,
});

describe('the coffee rhythm', () => {
  it('starts at the team’s local time on both sides of a daylight-saving change', () => {
    const berlin = settings({ time: '09:00' });
    // Europe moves to summer time on 2027-03-28: Monday 09:00 is 08:00Z before, 07:00Z after.
    expect(nextRoundAt(berlin, 'Europe/Berlin', new Date('2027-03-20T00:00:00Z'))).toEqual(
      new Date('2027-03-22T08:00:00Z'),
    );
    expect(nextRoundAt(berlin, 'Europe/Berlin', new Date('2027-03-22T08:00:00Z'))).toEqual(
      new Date('2027-03-29T07:00:00Z'),
    );
  });

  it('keeps every 2 and 4 weeks apart across a year boundary, whenever it is asked', () => {
    for (const every of [2, 4] as const) {
      const rhythm = settings({ every, day: 'thursday', time: '15:30' });
      let at = new Date('2026-11-01T00:00:00Z');
      const starts: Date[] = [];
      for (let i = 0; i < 8; i++) {
        at = nextRoundAt(rhythm, 'America/New_York', at);
        starts.push(at);
      }
      const hours = starts.slice(1).map((s, i) => (s.getTime() - starts[i].getTime()) / 3_600_000);
      // Whole weeks, give or take the hour of a daylight-saving change.
      for (const gap of hours) expect(Math.abs(gap - every * 7 * 24)).toBeLessThanOrEqual(1);
    }
  });

  it('lasts until the next round would start', () => {
    const start = new Date('2027-01-05T09:00:00Z');
    expect(roundEndsAt(settings({ every: 2 }), start)).toEqual(new Date('2027-01-19T09:00:00Z'));
  });
});

describe('a member’s place', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const today = '2026-12-01';

  it('is out when absent, paused until a date (inclusive) or until they come back, else in', () => {
    expect(statusOn(undefined, today)).toBe('out');
    expect(statusOn(member(), today)).toBe('in');
    expect(statusOn(member({ pausedUntil: null }), today)).toBe('paused');
    expect(statusOn(member({ pausedUntil: '2026-12-01' }), today)).toBe('paused');
    expect(statusOn(member({ pausedUntil: '2026-11-30' }), today)).toBe('in');
  });

  it('joins, pauses with or without a date, resumes with a fresh count, and leaves', () => {
    const joined = memberAfterChange(undefined, { status: 'in' }, today, now);
    expect(joined).toEqual({ joinedAt: now, ignoredInARow: 0, avoid: [] });
    const paused = memberAfterChange(
      { ...joined!, ignoredInARow: 2 },
      { status: 'paused', pausedUntil: '2026-12-24' },
      today,
      now,
    );
    expect(paused).toEqual({
      joinedAt: now,
      ignoredInARow: 0,
      avoid: [],
      pausedUntil: '2026-12-24',
    });
    expect(memberAfterChange(paused, { status: 'paused' }, today, now)?.pausedUntil).toBeNull();
    expect(memberAfterChange(paused, { status: 'in' }, today, now)).toEqual(joined);
    expect(memberAfterChange(paused, { status: 'out' }, today, now)).toBeUndefined();
  });

  it('keeps the status when only the avoid list changes', () => {
    const paused = member({ pausedUntil: '2026-12-24', ignoredInARow: 1 });
    expect(memberAfterChange(paused, { avoid: ['b'] }, today, now)).toEqual({
      ...paused,
      avoid: ['b'],
    });
    expect(memberAfterChange(undefined, { avoid: ['b'] }, today, now)).toBeUndefined();
  });

  it('refuses a pause already over and avoid lists naming strangers, naming the field', () => {
    const roster = new Set(['a', 'b']);
    expect(
      refusalOf(() => checkChange({ status: 'paused', pausedUntil: today }, today, roster)),
    ).toMatch(/^pausedUntil: pick a date after today/);
    expect(
      refusalOf(() => checkChange({ status: 'in', pausedUntil: '2027-01-01' }, today, roster)),
    ).toMatch(/^pausedUntil: a pause date goes with status "paused"/);
    expect(
      refusalOf(() =>
        checkChange({ workingHours: { start: '17:00', end: '09:00' } }, today, roster),
      ),
    ).toMatch(/^workingHours: working hours must end after they start/);
    expect(refusalOf(() => checkChange({ avoid: ['b', 'zed'] }, today, roster))).toMatch(
      /^avoid: zed is not a member/,
    );
    expect(() =>
      checkChange({ status: 'paused', pausedUntil: '2026-12-02', avoid: ['b'] }, today, roster),
    ).not.toThrow();
  });
});

describe('after a round', () => {
  it('counts a group as met when anyone in it says so', () => {
    expect(
      countMet(
        [
          ['a', 'b'],
          ['c', 'd'],
          ['e', 'f', 'g'],
        ],
        { a: 'met', c: 'skip', g: 'met' },
      ),
    ).toBe(2);
  });

  it('counts unanswered introductions in a row and pauses at the third', () => {
    const members = {
      a: member({ ignoredInARow: 2 }),
      b: member({ ignoredInARow: 2 }),
      c: member(),
    };
    expect(afterRound(members, ['a', 'b', 'c'], { b: 'not-yet' })).toEqual({
      ignored: { a: 3, b: 0, c: 1 },
      paused: ['a'],
    });
  });

  it('remembers every pair inside each group, and only as many rounds as the cooldown needs', () => {
    const round = {
      seq: 4,
      groups: [
        ['a', 'b', 'c'],
        ['d', 'e'],
      ],
    } as CoffeeRound;
    expect(pastMeetings([round])).toEqual([
      { a: 'a', b: 'b', round: 4 },
      { a: 'a', b: 'c', round: 4 },
      { a: 'b', b: 'c', round: 4 },
      { a: 'd', b: 'e', round: 4 },
    ]);
    expect(roundsBefore(5, 3)).toEqual([4, 3, 2]);
    expect(roundsBefore(2, 3)).toEqual([1]);
    expect(historyRounds(6)).toBe(5);
    expect(historyRounds(1000)).toBe(26);
  });

  it('gives the whole group the same conversation starter', () => {
    expect(starterFor('t|1', ['a', 'b'])).toBe(starterFor('t|1', ['b', 'a']));
  });
});
