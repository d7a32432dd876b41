import { defaultSettingsIn } from '../../../../bot/src/features/checkins/checkin-defaults';
import {
  CheckinError,
  nextRoundOpening,
  roundTimes,
  validateAnswer,
  weekHealth,
  type Cadence,
  type WeekTotals,
} from '../../../../bot/src/features/checkins/domain/checkin';
import { majorityOutcome } from '../../../../bot/src/platform/domain/voting';
import { zonedWallTimeToInstant } from '../../../../bot/src/platform/domain/zoned-time';
import { refusalOf } from '../../../support/refusal';

const berlinMondays: Cadence = {
  every: 'week',
  day: 'monday',
  time: '09:00',
  timeZone: 'Europe/Berlin',
  windowHours: 72,
  quietDays: [],
};

describe('nextRoundOpening', () => {
  it('opens at the team’s local time on both sides of a daylight-saving change', () => {
    // Europe moves to summer time on Sunday 2027-03-28.
    const before = nextRoundOpening(berlinMondays, new Date('2027-03-20T12:00:00Z'));
    const after = nextRoundOpening(berlinMondays, before);

    expect(before.toISOString()).toBe('2027-03-22T08:00:00.000Z');
    expect(after.toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('follows a zone west of UTC, where the local Monday starts later', () => {
    const ny = { ...berlinMondays, timeZone: 'America/New_York', time: '08:30' };

    expect(nextRoundOpening(ny, new Date('2026-11-30T12:00:00Z')).toISOString()).toBe(
      '2026-11-30T13:30:00.000Z',
    );
  });

  it('skips quiet days', () => {
    const quiet = { ...berlinMondays, quietDays: ['2027-03-22'] };

    expect(nextRoundOpening(quiet, new Date('2027-03-20T12:00:00Z')).toISOString()).toBe(
      '2027-03-29T07:00:00.000Z',
    );
  });

  it('opens every second week on even ISO weeks', () => {
    const fortnightly = { ...berlinMondays, every: 'two-weeks' as const };
    const first = nextRoundOpening(fortnightly, new Date('2027-03-20T12:00:00Z'));

    // 2027-03-22 falls in ISO week 12, an even week.
    expect(first.toISOString()).toBe('2027-03-22T08:00:00.000Z');
    // Two weeks later, an hour earlier in UTC: summer time started in between.
    expect(nextRoundOpening(fortnightly, first).toISOString()).toBe('2027-04-05T07:00:00.000Z');
  });

  it('never returns the same instant twice', () => {
    const at = nextRoundOpening(berlinMondays, new Date('2027-03-20T12:00:00Z'));

    expect(nextRoundOpening(berlinMondays, at).getTime()).toBeGreaterThan(at.getTime());
  });
});

describe('zonedWallTimeToInstant', () => {
  it('moves a time skipped by spring-forward to after the jump', () => {
    const at = zonedWallTimeToInstant(
      { year: 2027, month: 3, day: 28, hour: 2, minute: 30 },
      'Europe/Berlin',
    );

    expect(at.toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('takes the first occurrence of a time repeated by fall-back', () => {
    const at = zonedWallTimeToInstant(
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30 },
      'Europe/Berlin',
    );

    expect(at.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('roundTimes', () => {
  it('nudges at two thirds of the window and closes at its end', () => {
    const times = roundTimes(berlinMondays, new Date('2027-03-22T08:00:00Z'));

    expect(times).toMatchObject({ localDate: '2027-03-22', week: '2027-W12' });
    expect(times.nudgeAt.toISOString()).toBe('2027-03-24T08:00:00.000Z');
    expect(times.closesAt.toISOString()).toBe('2027-03-25T08:00:00.000Z');
  });
});

describe('validateAnswer', () => {
  const questions = defaultSettingsIn().questions;

  it('keeps scores from 1 to 5 and allows skipping questions', () => {
    const answer = validateAnswer(questions, { dependability: '4', impact: 5, meaning: '' }, true);

    expect(answer.scores).toEqual([
      { trait: 'dependability', score: 4 },
      { trait: 'impact', score: 5 },
    ]);
  });

  it.each([['0'], ['6'], ['3.5'], ['lots']])('refuses the score %s', (score) => {
    expect(() => validateAnswer(questions, { dependability: score }, true)).toThrow(CheckinError);
  });

  it('needs at least one score or a comment', () => {
    expect(refusalOf(() => validateAnswer(questions, {}, true))).toMatch(/at least one question/);
    expect(validateAnswer(questions, { freeText: ' blocked on reviews ' }, true).freeText).toBe(
      'blocked on reviews',
    );
  });

  it('drops the comment when the team turned free text off, and caps its length', () => {
    expect(
      validateAnswer(questions, { impact: '3', freeText: 'hi' }, false).freeText,
    ).toBeUndefined();
    expect(
      refusalOf(() => validateAnswer(questions, { freeText: 'x'.repeat(1001) }, true)),
    ).toMatch(/1000 characters/);
  });
});

describe('weekHealth', () => {
  const totals = (over: Partial<WeekTotals>): WeekTotals => ({
    week: '2026-W48',
    answers: 0,
    invited: 0,
    minGroupSize: 3,
    sums: {},
    recognitions: {},
    ...over,
  });

  it('shows nothing but the reason below the minimum group size', () => {
    const health = weekHealth(
      totals({ answers: 2, invited: 5, sums: { impact: { sum: 9, count: 2 } } }),
    );

    expect(health).toEqual({
      week: '2026-W48',
      status: 'insufficient',
      reason: expect.stringMatching(/Fewer than 3/),
      recognitions: {},
    });
    expect(JSON.stringify(health)).not.toMatch(/4\.5|"average"/);
  });

  it('shows averages and participation from three answers', () => {
    const health = weekHealth(
      totals({ answers: 3, invited: 4, sums: { impact: { sum: 13, count: 3 } } }),
    );

    expect(health).toEqual({
      week: '2026-W48',
      status: 'ok',
      answers: 3,
      participation: 0.75,
      traits: [{ trait: 'impact', average: 4.33, answers: 3 }],
      recognitions: {},
    });
  });

  it('leaves out a trait fewer than the minimum answered, even when the week has enough answers', () => {
    const health = weekHealth(
      totals({
        answers: 4,
        invited: 4,
        sums: { impact: { sum: 8, count: 2 }, meaning: { sum: 12, count: 4 } },
      }),
    );

    expect(health.status === 'ok' && health.traits.map((t) => t.trait)).toEqual(['meaning']);
  });

  it('never applies a minimum below three, whatever is stored', () => {
    expect(weekHealth(totals({ answers: 2, invited: 2, minGroupSize: 1 })).status).toBe(
      'insufficient',
    );
  });

  it('says when a week had no round', () => {
    expect(weekHealth(totals({ recognitions: { impact: 2 } }))).toEqual({
      week: '2026-W48',
      status: 'no-round',
      recognitions: { impact: 2 },
    });
  });
});

describe('majorityOutcome', () => {
  const closesAt = new Date('2026-12-01T00:00:00Z');
  const during = new Date('2026-11-28T00:00:00Z');
  const after = new Date('2026-12-02T00:00:00Z');

  it('adopts early once more than half of the roster approves', () => {
    expect(
      majorityOutcome({ approvals: 3, rejections: 0, rosterSize: 5, closesAt, now: during }),
    ).toBe('adopted');
  });

  it('stays open while the outcome can still change', () => {
    expect(
      majorityOutcome({ approvals: 2, rejections: 1, rosterSize: 5, closesAt, now: during }),
    ).toBe('open');
  });

  it('decides by the majority of those who voted once the window ends', () => {
    expect(
      majorityOutcome({ approvals: 2, rejections: 1, rosterSize: 10, closesAt, now: after }),
    ).toBe('adopted');
    expect(
      majorityOutcome({ approvals: 1, rejections: 1, rosterSize: 10, closesAt, now: after }),
    ).toBe('rejected');
  });

  it('rejects early when half of the roster rejects', () => {
    expect(
      majorityOutcome({ approvals: 1, rejections: 2, rosterSize: 4, closesAt, now: during }),
    ).toBe('rejected');
  });
});
