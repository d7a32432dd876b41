import type { Db } from 'mongodb';
import { trustYearId } from '../../../bot/src/features/trust-health/trust-week-repository';
import { isoWeekKey } from '../../../bot/src/platform/domain/week';
import { collections } from '../../support/schema';
import { TEAM_CACHE_MS } from '../../../bot/src/platform/store/short-lived-cache';
import { recognitionMessage, TENANT_ID, teamInvoke } from '../../fixtures/teams-activities';
import { postJson } from '../../support/http';
import type { Member, Team } from '../../support/team-harness';

export type SeededTeam = Team;

export { TENANT_ID };

/** `from` recognizes `to` through the bot command, as a person would in a channel. */
export async function recognize(
  appUrl: string,
  team: SeededTeam,
  from: Member,
  to: Member,
  text: string,
): Promise<void> {
  const res = await postJson(`${appUrl}/api/messages`, recognitionMessage(team, from, to, text));
  if (res.status !== 200) throw new Error(`recognize failed: ${res.status} ${res.text}`);
}

/**
 * `from` recognizes `to` citing a working agreement through the message extension, as Teams
 * sends it: the form's fields, then "Send" on the preview.
 */
export async function recognizeCiting(
  appUrl: string,
  team: SeededTeam,
  from: Member,
  to: Member,
  agreementId: string,
  message: string,
): Promise<void> {
  const data = { teammates: to.aadObjectId, tag: 'dependability', message, agreement: agreementId };
  const preview = await postJson(
    `${appUrl}/api/messages`,
    teamInvoke(team, from, 'composeExtension/submitAction', { commandId: 'recognize', data }),
  );
  const activityPreview = (preview.json as { composeExtension?: { activityPreview?: unknown } })
    ?.composeExtension?.activityPreview;
  if (!activityPreview) throw new Error(`recognize failed: ${preview.status} ${preview.text}`);
  const sent = await postJson(
    `${appUrl}/api/messages`,
    teamInvoke(team, from, 'composeExtension/submitAction', {
      commandId: 'recognize',
      botMessagePreviewAction: 'send',
      botActivityPreview: [activityPreview],
    }),
  );
  if (sent.status !== 200) throw new Error(`recognize failed: ${sent.status} ${sent.text}`);
}

/** Makes the team's members look as if they had been on its roster for `days`. */
export async function backdateRoster(
  db: Db,
  teamId: string,
  members: Member[],
  days: number,
): Promise<void> {
  const joined = new Date(Date.now() - days * 86_400_000);
  await db
    .collection<{ _id: string }>(collections.rosters)
    .updateOne(
      { _id: teamId },
      { $set: Object.fromEntries(members.map((m) => [`joined.${m.aadObjectId}`, joined])) },
    );
}

/**
 * Moves the team's installation `weeks` back, for seeded history older than the install; waits
 * out the app's short cache of installations so that the next read sees it.
 */
export async function backdateInstall(db: Db, teamId: string, weeks: number): Promise<void> {
  await db
    .collection<{ _id: string }>(collections.conversations)
    .updateOne(
      { _id: teamId },
      { $set: { installedAt: new Date(Date.now() - weeks * 7 * 86_400_000) } },
    );
  await new Promise((r) => setTimeout(r, TEAM_CACHE_MS + 100));
}

/** The last `count` ISO weeks, oldest first, ending with this one. */
export function recentWeeks(count: number, now = new Date()): string[] {
  return Array.from({ length: count }, (_, i) =>
    isoWeekKey(new Date(now.getTime() - (count - 1 - i) * 7 * 86_400_000)),
  );
}

export interface SeedWeek {
  week: string;
  recognitions?: Record<string, number>;
  /** Omitted: no check-in round that week. */
  checkin?: {
    answers: number;
    invited: number;
    sums: Record<string, { sum: number; count: number }>;
  };
}

/**
 * Writes weekly trust-health totals straight into the store, in the pre-aggregated shape the app
 * keeps (`trust_weeks`: one document per team and ISO year, a bucket per week), since check-in
 * rounds can only open in the present.
 */
export async function seedTrustWeeks(db: Db, teamId: string, weeks: SeedWeek[]): Promise<void> {
  for (const w of weeks) {
    const bucket = {
      recognitions: w.recognitions ?? {},
      ...(w.checkin ? { checkin: { ...w.checkin, minGroupSize: 3 } } : {}),
    };
    await db.collection<{ _id: string }>('trust_weeks').updateOne(
      { _id: trustYearId(teamId, w.week) },
      {
        $set: { [`weeks.${w.week}`]: bucket },
        $setOnInsert: { teamId, year: w.week.slice(0, 4) },
      },
      { upsert: true },
    );
  }
}
