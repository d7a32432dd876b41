import type { Db } from 'mongodb';
import { isDuplicateKey } from '../../platform/store/mongo-errors';
import { emptyDeck, type Deck } from './domain/deck';
import type { IcebreakerRepository } from './domain/icebreaker-ports';
import {
  DEFAULT_MEETING_SETTINGS,
  DEFAULT_WEEKLY_QUESTION,
  type MeetingSettings,
  type WeeklyQuestion,
} from './domain/icebreaker-settings';
import { icebreakerCollections } from './icebreaker-collections';

type DeckDoc = Deck & { _id: string };

interface SettingsDoc {
  _id: string;
  meetings?: MeetingSettings;
  weekly?: WeeklyQuestion;
}

const toDeck = ({ _id, ...deck }: DeckDoc): Deck => ({ ...emptyDeck(), ...deck });

/**
 * Icebreakers' store: one deck and one settings document per team. Every read and write names
 * its document by `_id`; a deck is written only on the revision it was read at, so concurrent
 * draws never hand out the same prompt.
 */
export function createIcebreakerRepository(db: Db): IcebreakerRepository {
  const decks = db.collection<DeckDoc>(icebreakerCollections.icebreakerDecks);
  const settings = db.collection<SettingsDoc>(icebreakerCollections.icebreakerSettings);

  return {
    async deck(teamId) {
      const doc = await decks.findOne({ _id: teamId });
      return doc ? toDeck(doc) : emptyDeck();
    },

    async saveDeck(teamId, deck, expected) {
      // `last` is left out until there is one: the driver would store undefined as null.
      const { last, ...rest } = deck;
      const fields = last === undefined ? rest : { ...rest, last };
      if (expected === 0) {
        try {
          await decks.insertOne({ _id: teamId, ...fields });
          return true;
        } catch (err) {
          if (isDuplicateKey(err)) return false;
          throw err;
        }
      }
      const res = await decks.updateOne({ _id: teamId, revision: expected }, { $set: fields });
      return res.modifiedCount === 1;
    },

    async meetingSettings(teamId) {
      const doc = await settings.findOne({ _id: teamId }, { projection: { meetings: 1 } });
      return doc?.meetings ?? DEFAULT_MEETING_SETTINGS;
    },

    async saveMeetingSettings(teamId, meetings) {
      await settings.updateOne({ _id: teamId }, { $set: { meetings } }, { upsert: true });
    },

    async weeklyQuestion(teamId) {
      const doc = await settings.findOne({ _id: teamId }, { projection: { weekly: 1 } });
      return doc?.weekly ?? DEFAULT_WEEKLY_QUESTION;
    },

    async saveWeeklyQuestion(teamId, weekly) {
      await settings.updateOne({ _id: teamId }, { $set: { weekly } }, { upsert: true });
    },
  };
}
