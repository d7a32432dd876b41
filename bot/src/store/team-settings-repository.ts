import type { Db } from 'mongodb';
import type { TeamValue } from '../domain/recognition';
import type { TeamSettingsReader } from '../domain/recognition-service';
import { collections } from './collections';

interface TeamSettingsDoc {
  _id: string;
  values?: TeamValue[];
  timeZone?: string;
}

/** Per-team settings; a team that never changed them gets the defaults (no values, UTC). */
export function createTeamSettingsRepository(db: Db): TeamSettingsReader & {
  setValues(teamId: string, values: TeamValue[]): Promise<void>;
} {
  const settings = db.collection<TeamSettingsDoc>(collections.teamSettings);
  return {
    async get(teamId) {
      const doc = await settings.findOne({ _id: teamId });
      return { values: doc?.values ?? [], timeZone: doc?.timeZone ?? 'UTC' };
    },
    async setValues(teamId, values) {
      await settings.updateOne({ _id: teamId }, { $set: { values } }, { upsert: true });
    },
  };
}
