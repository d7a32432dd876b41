import { randomUUID } from 'node:crypto';
import type { People } from '../../people/people';
import type { Feature, FeatureContext } from '../../platform/feature';
import type { CheckinService } from '../checkins';
import { AGREEMENT_COLLECTIONS } from './agreement-collections';
import { createAgreementDelivery } from './teams/agreement-delivery';
import { AGREEMENT_ERROR_STATUSES } from './agreement-errors';
import { createAgreementPersonalData } from './agreement-personal-data-repository';
import { agreementJobHandlers, agreementSchedule } from './agreement-jobs';
import { createAgreementRepository } from './agreement-repository';
import { serveWith } from '../../platform/http/route';
import { agreementRoutes } from './agreement-routes';
import { createAgreementService, type AgreementService } from './agreement-service';
import { AGREEMENT_STORED_DATA } from './domain/agreement-stored-data';
import { createAgreementFlow } from './teams/agreement-flow';
import { AGREEMENT_HELP } from './teams/agreement-help';

export { agreementCollections } from './agreement-collections';
export { proposalsOwner } from './agreement-repository';
export type { AgreementService } from './agreement-service';

export interface AgreementsFeature extends Feature {
  readonly service: AgreementService;
}

/** Working agreements: proposed, endorsed or objected to, decided and reviewed by the team. */
export function createAgreementsFeature(deps: {
  platform: FeatureContext;
  people: People;
  checkins: CheckinService;
}): AgreementsFeature {
  const { platform } = deps;
  const { installations } = deps.people;
  const service = createAgreementService({
    repo: createAgreementRepository(platform.db),
    roster: installations,
    checkins: deps.checkins,
    delivery: createAgreementDelivery({
      installations,
      enqueue: (m) => platform.outbox.enqueue(m),
      teamsAppId: platform.teamsAppId,
      teamLanguage: (teamId) => deps.checkins.language(teamId),
      logger: platform.logger,
    }),
    schedule: agreementSchedule(platform.scheduler),
    newId: randomUUID,
  });
  const flow = createAgreementFlow({
    agreements: service,
    teamsAppId: platform.teamsAppId,
    teamLanguage: (teamId) => deps.checkins.language(teamId),
    logger: platform.logger,
  });
  return {
    name: 'agreements',
    collections: AGREEMENT_COLLECTIONS,
    storedData: AGREEMENT_STORED_DATA,
    personalData: createAgreementPersonalData(platform.db),
    errors: AGREEMENT_ERROR_STATUSES,
    help: AGREEMENT_HELP,
    routes: serveWith(agreementRoutes, { agreements: service }),
    cardVerbs: flow.cardVerbs,
    jobs: agreementJobHandlers({ agreements: service, installations }),
    service,
  };
}
