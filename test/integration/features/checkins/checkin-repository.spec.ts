import { defaultSettingsIn } from '../../../../bot/src/features/checkins/checkin-defaults';
import type { Round } from '../../../../bot/src/features/checkins/domain/checkin-ports';
import { createCheckinRepository } from '../../../../bot/src/features/checkins/checkin-repository';
import { collections } from '../../../support/schema';
import { createTrustWeekCounter } from '../../../../bot/src/features/trust-health/trust-week-repository';
import { useTestDatabase } from '../../../support/test-database';

describe('check-in storage under concurrent changes', () => {
  const db = useTestDatabase('checkin-repo');
  const repository = () => createCheckinRepository(db(), createTrustWeekCounter(db()));

  const round = (id: string): Round => {
    const settings = defaultSettingsIn();
    return {
      id,
      teamId: `team-${id}`,
      week: '2026-W48',
      opensAt: new Date('2026-11-23T10:00:00Z'),
      nudgeAt: new Date('2026-11-25T10:00:00Z'),
      closesAt: new Date('2026-11-26T10:00:00Z'),
      status: 'open',
      questions: settings.questions,
      freeText: settings.freeText,
      minGroupSize: 3,
      invited: 5,
    };
  };

  it('keeps nothing of an answer that arrives after its round closed', async () => {
    const repo = repository();
    const r = round('late');
    await repo.createRound(r);
    await repo.closeRound(r.id, new Date());

    // The service checked the round while it was open; the close came before the answer landed.
    const outcome = await repo.recordAnswer(r, 'ana', {
      scores: [{ trait: 'dependability', score: 4 }],
      freeText: 'late words',
    });

    expect(outcome).toBe('closed');
    expect(await repo.participation(r.id)).toBe(0);
    expect(
      await db().collection(collections.checkinParticipation).countDocuments({
        roundId: r.id,
      }),
    ).toBe(0);
    expect(await repo.round(r.id)).toMatchObject({ status: 'closed' });
    const [week] = await repo.weekTotals(r.teamId, [r.week]);
    expect(week.answers).toBe(0);
    expect(await repo.feedback(r.teamId, 5)).toEqual([]);
  });

  it('notes only that a member answered an open round: no time, no answer', async () => {
    const repo = repository();
    const r = round('open');
    await repo.createRound(r);

    expect(await repo.recordAnswer(r, 'ana', { scores: [{ trait: 'impact', score: 5 }] })).toBe(
      'recorded',
    );

    const notes = await db()
      .collection(collections.checkinParticipation)
      .find({ roundId: r.id })
      .toArray();
    // The token only lets a retried answer count once; it carries no time and no score.
    expect(notes).toEqual([{ _id: `${r.id}|ana`, roundId: r.id, token: expect.any(String) }]);
    expect(await repo.recordAnswer(r, 'ana', { scores: [{ trait: 'impact', score: 1 }] })).toBe(
      'already-answered',
    );
  });

  it('keeps both of two settings changes made at the same moment', async () => {
    const repo = repository();
    const defaults = defaultSettingsIn();
    const cadence = { ...defaults.cadence, day: 'friday' as const, timeZone: 'Asia/Tokyo' };
    const questions = defaults.questions.slice(0, 2);

    await Promise.all([
      repo.changeConfig('team-both', { settings: { cadence } }),
      repo.changeConfig('team-both', { settings: { questions } }),
      repo.changeConfig('team-both', { leads: ['ana'] }),
    ]);

    expect(await repo.config('team-both')).toEqual({
      settings: { ...defaults, cadence, questions },
      leads: ['ana'],
      languageChosen: false,
    });
  });
});
