import { parseCommentId, type ClosedRound, type Round, type RoundComment } from '../checkins';
import type { CheckinService } from '../checkins';
import type { AgreementService } from '../agreements';
import {
  assertStatusChange,
  averagesOf,
  FollowError,
  heardShare,
  quarterOf,
  RESULTS_DELAY_HOURS,
  todayIn,
  traitTrends,
  type Action,
  type ActionStatus,
  type Signed,
} from './domain/follow-through';
import type { FollowRepository, FollowRound, RoundSummary, Theme } from './domain/follow-ports';
import type { TraitId } from '../../platform/domain/traits';
import { translator } from '../../platform/i18n/messages';

/** At most this many check-back questions in one round: a check-in stays short enough to answer. */
export const MAX_CHECK_BACKS = 5;

/** Posts a round's results card into the team's channel, once per round. */
export interface FollowDelivery {
  postResults(round: FollowRound & { summary: RoundSummary }): Promise<void>;
}

export interface NewAction {
  title: string;
  why: string;
  commentIds?: string[];
  trait?: TraitId;
  dueDate: string;
}

export interface ActionChange {
  status: ActionStatus;
  reason?: string;
  ownerAadObjectId?: string | null;
}

/** A member acting in a team, with the tenant their export and erasure are scoped by. */
export interface Member extends Signed {
  tenantId: string;
}

/** The round id a comment id belongs to in a team: `<teamId>|<round key>`. */
const roundIdOf = (teamId: string, roundKey: string) => `${teamId}|${roundKey}`;
/** A comment's field within its round's follow-up (see follow-repository). */
const fieldOf = (index: number) => `c${index + 1}`;
const teamOfRound = (roundId: string) => roundId.slice(0, roundId.lastIndexOf('|'));

/** Long only as a factory: follow-through's operations, each short, sharing their deps. */
export function createFollowService(deps: {
  repo: FollowRepository;
  checkins: Pick<
    CheckinService,
    'feedback' | 'roundComments' | 'assertLead' | 'leadsAndZone' | 'round' | 'language'
  >;
  agreements: Pick<AgreementService, 'proposeNew'>;
  delivery: FollowDelivery;
  scheduleResults: (roundId: string, at: Date) => Promise<void>;
  newId: () => string;
  now?: () => Date;
}) {
  const { repo, checkins } = deps;
  const now = () => deps.now?.() ?? new Date();

  /** The comments of a round that may be read, or the refusal that says why not. */
  const readableComments = async (teamId: string, roundId: string): Promise<RoundComment[]> => {
    const comments = await checkins.roundComments(teamId, roundId);
    if (comments === 'unknown')
      throw new FollowError('FOLLOW_ROUND_NOT_FOUND', { reason: 'unknown' });
    if (comments === 'open') throw new FollowError('FOLLOW_ROUND_OPEN', { what: 'comments' });
    if (comments === 'below-minimum')
      throw new FollowError('FOLLOW_BELOW_MINIMUM', { what: 'comments' });
    return comments;
  };

  /** A comment named in a path: its round, after checking it can be answered. */
  const comment = async (teamId: string, id: string) => {
    const parsed = parseCommentId(id);
    const roundId = parsed && roundIdOf(teamId, parsed.roundKey);
    const comments = roundId ? await readableComments(teamId, roundId) : [];
    if (!parsed || !roundId || !comments.some((c) => c.id === id))
      throw new FollowError('FOLLOW_COMMENT_NOT_FOUND');
    const round = await deps.checkins.round(roundId);
    await repo.ensureRound({ id: roundId, teamId, week: round?.week ?? '' });
    return { roundId, field: fieldOf(parsed.index) };
  };

  /** Refuses comment ids (from a body) that are not readable comments of the team. */
  const assertComments = async (teamId: string, ids: readonly string[], roundId?: string) => {
    const unknown: string[] = [];
    // Each round is read once, however many of its comments are named.
    const rounds = new Map<string, Awaited<ReturnType<typeof checkins.roundComments>>>();
    const commentsOf = async (id: string) => {
      if (!rounds.has(id)) rounds.set(id, await checkins.roundComments(teamId, id));
      return rounds.get(id);
    };
    for (const id of ids) {
      const parsed = parseCommentId(id);
      const inRound = parsed && roundIdOf(teamId, parsed.roundKey);
      const comments =
        inRound && (!roundId || inRound === roundId) ? await commentsOf(inRound) : [];
      if (!Array.isArray(comments) || !comments.some((c) => c.id === id)) unknown.push(id);
    }
    if (unknown.length)
      throw new FollowError('FOLLOW_UNKNOWN_COMMENT', {
        ids: unknown.join(', '),
        count: unknown.length,
        of: roundId ? 'round' : 'team',
      });
  };

  const action = async (teamId: string, id: string) => {
    const found = await repo.action(teamId, id);
    if (!found) throw new FollowError('FOLLOW_ACTION_NOT_FOUND');
    return found;
  };

  /** The results card, once per round: the outbox key makes a second post the same message. */
  const postResults = async (teamId: string, roundId: string) => {
    const round = await repo.round(teamId, roundId);
    if (!round?.summary?.met || round.postedAt) return;
    await deps.delivery.postResults({ ...round, summary: round.summary });
    await repo.markPosted(roundId, now());
  };

  /** Actions finished after the team's last summarized round closed, up to this close. */
  const finishedBetween = (actions: Action[], after: Date | undefined, until: Date) =>
    actions.filter(
      (a) =>
        a.status === 'done' &&
        a.doneAt &&
        (!after || a.doneAt.getTime() > after.getTime()) &&
        a.doneAt.getTime() <= until.getTime(),
    );

  /** Stores each asked check-back's outcome on its action: the average when enough answered. */
  const recordCheckBacks = async (closed: ClosedRound, actions: Action[]) => {
    for (const a of actions) {
      if (a.checkBack?.roundId !== closed.round.id || a.checkBack.result !== undefined) continue;
      const sums = closed.checkBacks.find((c) => c.id === a.id);
      await repo.changeAction(a.teamId, a.id, {
        checkBack: {
          roundId: closed.round.id,
          result: sums
            ? { average: Math.round((sums.sum / sums.count) * 100) / 100, answers: sums.count }
            : null,
        },
      });
    }
  };

  return {
    /** The hooks the check-ins feature calls around its rounds. */
    followUp: {
      async checkBackQuestions(teamId: string) {
        const done = (await repo.actions(teamId)).filter(
          (a) => a.status === 'done' && !a.checkBack,
        );
        return done.slice(0, MAX_CHECK_BACKS).map((a) => ({ id: a.id, title: a.title }));
      },
      async roundOpened(round: Round) {
        for (const q of round.checkBacks ?? [])
          await repo.changeAction(round.teamId, q.id, { checkBack: { roundId: round.id } });
      },
      /** Writes the round's summary once and schedules its card; safe to repeat. */
      async roundClosed(closed: ClosedRound) {
        const { round, result } = closed;
        await repo.ensureRound({ id: round.id, teamId: round.teamId, week: round.week });
        const [last, actions] = await Promise.all([
          repo.lastRound(round.teamId),
          repo.actions(round.teamId),
        ]);
        await recordCheckBacks(closed, actions);
        const previous = last && last.id !== round.id ? last : undefined;
        const averages = averagesOf(result.sums);
        const met = result.answers >= Math.max(3, result.minGroupSize);
        await repo.setSummary(round.id, {
          closedAt: closed.closedAt,
          answers: result.answers,
          invited: result.invited,
          minGroupSize: result.minGroupSize,
          met,
          traits: met ? traitTrends(averages, previous?.averages ?? {}) : [],
          comments: met ? closed.comments : 0,
          actionsDone: met
            ? finishedBetween(actions, previous?.closedAt, closed.closedAt).map((a) => ({
                id: a.id,
                title: a.title,
              }))
            : [],
        });
        if (!met) return;
        if (last?.id !== round.id)
          await repo.setLastRound(round.teamId, {
            id: round.id,
            closedAt: closed.closedAt,
            averages,
          });
        await deps.scheduleResults(
          round.id,
          new Date(closed.closedAt.getTime() + RESULTS_DELAY_HOURS * 3_600_000),
        );
      },
    },

    /** The team's readable comments with what the team did with them, newest round first. */
    async feedback(teamId: string, rounds: number) {
      const feedback = await checkins.feedback(teamId, rounds);
      return Promise.all(
        feedback.map(async (r) => ({
          ...r,
          followUp: await repo.round(teamId, r.roundId),
        })),
      );
    },

    async reply(teamId: string, commentId: string, member: Member, text: string) {
      const { roundId, field } = await comment(teamId, commentId);
      await repo.noteSigner(member.tenantId, member.aadObjectId, teamId);
      const by = { aadObjectId: member.aadObjectId, name: member.name };
      const reply = { id: deps.newId(), by, text, at: now() };
      await repo.addReply(teamId, roundId, field, reply);
      return reply;
    },

    async markHeard(teamId: string, commentId: string, member: string) {
      await checkins.assertLead(teamId, member, 'markHeard');
      const { roundId, field } = await comment(teamId, commentId);
      await repo.markHeard(teamId, roundId, field, now());
    },

    /** Replaces the round's themes; a comment named by two themes belongs to the last. */
    async setThemes(teamId: string, roundId: string, themes: Theme[]) {
      await readableComments(teamId, roundId);
      await assertComments(
        teamId,
        themes.flatMap((t) => t.commentIds),
        roundId,
      );
      const taken = new Set<string>();
      const kept = [...themes]
        .reverse()
        .map((t) => {
          const ids = [...new Set(t.commentIds)].filter((id) => !taken.has(id));
          ids.forEach((id) => taken.add(id));
          return { name: t.name, commentIds: ids };
        })
        .reverse();
      const round = await deps.checkins.round(roundId);
      await repo.ensureRound({ id: roundId, teamId, week: round?.week ?? '' });
      await repo.setThemes(teamId, roundId, kept);
      return kept;
    },

    async actions(teamId: string, status?: ActionStatus) {
      const all = await repo.actions(teamId);
      return status ? all.filter((a) => a.status === status) : all;
    },

    /** Team-level measures only: how soon comments are heard, and actions done against planned. */
    async measures(teamId: string) {
      const { timeZone } = await checkins.leadsAndZone(teamId);
      const at = now();
      const quarter = quarterOf(todayIn(at, timeZone));
      const inQuarter = (d: Date) => quarterOf(todayIn(d, timeZone)) === quarter;
      const rounds = (await repo.rounds(teamId)).flatMap((r) =>
        r.summary?.met && inQuarter(r.summary.closedAt)
          ? [
              {
                closedAt: r.summary.closedAt,
                comments: r.summary.comments,
                firstAnswers: Object.values(r.comments).flatMap((c) => {
                  const times = [c.heardAt, c.replies?.[0]?.at].filter((d): d is Date => !!d);
                  return times.length ? [new Date(Math.min(...times.map((d) => d.getTime())))] : [];
                }),
              },
            ]
          : [],
      );
      const planned = (await repo.actions(teamId)).filter(
        (a) => a.status !== 'dropped' && quarterOf(a.dueDate) === quarter,
      );
      return {
        quarter,
        commentsHeard: heardShare(rounds, at),
        actions: {
          done: planned.filter((a) => a.status === 'done').length,
          planned: planned.length,
        },
      };
    },

    async createAction(teamId: string, input: NewAction) {
      const { timeZone } = await checkins.leadsAndZone(teamId);
      if (input.dueDate < todayIn(now(), timeZone))
        throw new FollowError('FOLLOW_INVALID_DATE', { date: input.dueDate });
      const commentIds = [...new Set(input.commentIds ?? [])];
      await assertComments(teamId, commentIds);
      const created: Action = {
        id: deps.newId(),
        teamId,
        title: input.title,
        why: input.why,
        commentIds,
        ...(input.trait ? { trait: input.trait } : {}),
        dueDate: input.dueDate,
        status: 'planned',
        createdAt: now(),
      };
      await repo.createAction(created);
      return created;
    },

    /** Moves an action on; an owner only ever names themselves, or steps down. */
    async changeAction(teamId: string, id: string, member: Member, change: ActionChange) {
      const current = await action(teamId, id);
      const owner = change.ownerAadObjectId;
      if (owner !== undefined && owner !== null && owner !== member.aadObjectId)
        throw new FollowError('FOLLOW_NOT_YOURSELF', { problem: 'volunteer' });
      if (owner === null && current.owner && current.owner.aadObjectId !== member.aadObjectId)
        throw new FollowError('FOLLOW_NOT_YOURSELF', { problem: 'stepDown' });
      assertStatusChange(current.status, change.status, change.reason);
      const moved = change.status !== current.status;
      const next: Partial<Omit<Action, 'id' | 'teamId'>> = {
        ...(moved ? { status: change.status } : {}),
        ...(moved && change.status === 'done' ? { doneAt: now() } : {}),
        ...(moved && change.status === 'dropped' ? { reason: change.reason } : {}),
        ...(owner === null ? { owner: undefined } : {}),
        ...(owner ? { owner: { aadObjectId: member.aadObjectId, name: member.name } } : {}),
      };
      if (owner) await repo.noteSigner(member.tenantId, member.aadObjectId, teamId);
      if (Object.keys(next).length) await repo.changeAction(teamId, id, next);
      return { ...current, ...next };
    },

    /** Proposes the action as a working agreement, once; the team decides it as any other. */
    async toAgreement(teamId: string, id: string, member: Signed) {
      const current = await action(teamId, id);
      if (current.agreementId) throw new FollowError('FOLLOW_ALREADY_PROPOSED');
      const author = { aadObjectId: member.aadObjectId, name: member.name };
      // The note stays on a proposal the whole team reads: in the team's language.
      const t = translator(await checkins.language(teamId));
      const proposed = await deps.agreements.proposeNew(teamId, author, {
        title: current.title,
        text: current.why,
        category: 'other',
        note: t('followThrough.agreementNote', { title: current.title }),
      });
      await repo.changeAction(teamId, id, { agreementId: proposed.agreement.id });
      return { action: { ...current, agreementId: proposed.agreement.id }, proposed };
    },

    /** What the results card shows for a round, or why there is nothing yet. */
    async summary(teamId: string, roundId: string) {
      const round = await repo.round(teamId, roundId);
      if (round?.summary) return { ...round, summary: round.summary };
      const checkin = await checkins.round(roundId);
      if (!checkin || checkin.teamId !== teamId)
        throw new FollowError('FOLLOW_ROUND_NOT_FOUND', { reason: 'unknown' });
      if (checkin.status === 'closed')
        throw new FollowError('FOLLOW_ROUND_NOT_FOUND', { reason: 'noSummary' });
      throw new FollowError('FOLLOW_ROUND_OPEN', { what: 'summary' });
    },

    /** A lead's short note on the results; the card then goes out at once, with it. */
    async addNote(teamId: string, roundId: string, member: string, note: string) {
      await checkins.assertLead(teamId, member, 'resultsNote');
      const { summary } = await this.summary(teamId, roundId);
      if (!summary.met) throw new FollowError('FOLLOW_BELOW_MINIMUM', { what: 'results' });
      if (!(await repo.setNote(roundId, note))) throw new FollowError('FOLLOW_RESULTS_POSTED');
      await postResults(teamId, roundId);
      return this.summary(teamId, roundId);
    },

    /** The scheduled post, a few hours after the close, for rounds no lead added a note to. */
    postScheduledResults: (roundId: string) => postResults(teamOfRound(roundId), roundId),
  };
}

export type FollowService = ReturnType<typeof createFollowService>;
