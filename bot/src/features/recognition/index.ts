import type { People } from '../../people/people';
import type { Feature, FeatureContext } from '../../platform/feature';
import type { CheckinService, TeamValuesStore } from '../checkins';
import type { TrustWeekCounter } from '../trust-health';
import { RECOGNITION_STORED_DATA } from './domain/recognition-stored-data';
import { RECOGNITION_COLLECTIONS } from './recognition-collections';
import { RECOGNITION_ERROR_STATUSES } from './recognition-errors';
import { createRecognitionPersonalData } from './recognition-personal-data-repository';
import { createRecognitionRepository } from './recognition-repository';
import { serveWith } from '../../platform/http/route';
import { recognitionRoutes } from './recognition-routes';
import { createRecognitionService, type AgreementCitations } from './recognition-service';
import { teamValuesRoutes } from './team-values-routes';
import { createRecipientLookup } from './teams/recognition-recipients';
import { createRecognitionFlow, type RecognitionFlowDeps } from './teams/recognition-flow';
import { RECOGNITION_HELP } from './teams/recognition-help';

export type { Person, RecognitionTag, TeamValue } from './domain/recognition';
export type { TeamSettingsReader } from './recognition-service';

/** Recognition: thanking a colleague from chat, the message extension or the tab's wall. */
export function createRecognitionFeature(deps: {
  platform: FeatureContext;
  people: People;
  trustWeeks: TrustWeekCounter;
  /** The team's active working agreements, which a recognition may cite. */
  agreements: AgreementCitations & NonNullable<RecognitionFlowDeps['agreements']>;
  /** Lead checks for changing the team's values. */
  checkins: CheckinService;
  settings: TeamValuesStore;
}): Feature {
  const { platform, settings, agreements } = deps;
  const { installations } = deps.people;
  const repository = createRecognitionRepository(platform.db, deps.trustWeeks, platform.logger);
  const recognitions = createRecognitionService({ recognitions: repository, settings, agreements });
  const flow = createRecognitionFlow({
    recognitions,
    settings,
    installations,
    recipients: createRecipientLookup({ people: deps.people.directory, installations }),
    teamsAppId: platform.teamsAppId,
    logger: platform.logger,
    agreements,
  });
  return {
    name: 'recognition',
    collections: RECOGNITION_COLLECTIONS,
    storedData: RECOGNITION_STORED_DATA,
    personalData: createRecognitionPersonalData(platform.db),
    errors: RECOGNITION_ERROR_STATUSES,
    help: RECOGNITION_HELP,
    routes: [
      ...serveWith(teamValuesRoutes, { checkins: deps.checkins, teamValues: settings }),
      ...serveWith(recognitionRoutes, { recognitions, installations }),
    ],
    chatCommands: [(context) => flow.command(context)],
    extensionCommands: flow.extensionCommands,
    cardVerbs: flow.cardVerbs,
    start: () => catchUpInBackground(repository, platform),
  };
}

/**
 * Requests finish their own records; this catches what a crash left, without holding up
 * start-up.
 */
async function catchUpInBackground(
  repository: { catchUp(): Promise<number> },
  { logger }: FeatureContext,
): Promise<void> {
  void repository
    .catchUp()
    // Logged even when nothing was left: benchmarks wait for this start-up read to end.
    .then((finished) => logger.info('recognitions checked at start-up', { finished }))
    .catch((err: unknown) => logger.warn('could not finish counting recognitions yet', { err }));
}
