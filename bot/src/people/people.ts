import type { Db } from 'mongodb';
import { serveWith } from '../platform/http/route';
import { PEOPLE_STORED_DATA } from './domain/people-stored-data';
import { createInstallationRepository } from './installation-repository';
import { memberRoutes } from './member-routes';
import { PEOPLE_COLLECTIONS } from './people-collections';
import { createPeopleDirectory } from './people-directory';
import { createPersonalConversations } from './personal-conversations';
import { createPersonLocaleData } from './person-locale-data';

/**
 * Who is where: installations and their rosters, members' 1:1 conversations and languages, and
 * the directory that finds a colleague by name. Every feature reads them; they read no feature.
 */
export function createPeople(db: Db) {
  const installations = createInstallationRepository(db);
  const personalConversations = createPersonalConversations(db);
  return {
    name: 'people',
    installations,
    personalConversations,
    personalData: createPersonLocaleData(personalConversations),
    directory: createPeopleDirectory(installations),
    collections: PEOPLE_COLLECTIONS,
    storedData: PEOPLE_STORED_DATA,
    routes: serveWith(memberRoutes, { installations }),
  };
}

export type People = ReturnType<typeof createPeople>;
