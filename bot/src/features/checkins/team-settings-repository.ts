import type { Db } from 'mongodb';
import type { TeamSettingsReader, TeamValue } from '../recognition';
import { shortLivedCache, TEAM_CACHE_MS } from '../../platform/store/short-lived-cache';
import { checkinCollections } from './checkin-collections';
import { SOURCE_LOCALE, type Locale } from '../../platform/domain/locales';

interface TeamSettingsDoc {
  _id: string;
  values?: TeamValue[];
  /** The check-in settings live in the same document; their time zone and language are the team's. */
  checkin?: { cadence?: { timeZone?: string }; language?: Locale };
}

/**
 * Per-team settings; a team that never changed them gets the defaults (no values, UTC). One time
 * zone per team, so recognitions and check-ins fall into the same local weeks.
 */
export type TeamValuesStore = TeamSettingsReader & {
  setValues(teamId: string, values: TeamValue[]): Promise<void>;
};

export function createTeamSettingsRepository(db: Db): TeamValuesStore {
  // By team id: the `_id` index on MongoDB and on FerretDB.
  const settings = db.collection<TeamSettingsDoc>(checkinCollections.teamSettings);
  const cached = shortLivedCache(TEAM_CACHE_MS, async (teamId: string) => {
    const doc = await settings.findOne({ _id: teamId });
    return {
      values: doc?.values ?? [],
      timeZone: doc?.checkin?.cadence?.timeZone ?? 'UTC',
      language: doc?.checkin?.language ?? SOURCE_LOCALE,
    };
  });
  return {
    get: (teamId) => cached.get(teamId),
    async setValues(teamId, values) {
      await settings.updateOne({ _id: teamId }, { $set: { values } }, { upsert: true });
      cached.forget(teamId);
    },
  };
}
