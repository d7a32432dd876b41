import type { People } from '../../people/people';
import type { StoredData } from '../../platform/domain/stored-data';
import type { Feature, FeatureContext } from '../../platform/feature';
import { serveWith } from '../../platform/http/route';
import { personalDataRoutes } from './personal-data-routes';
import { gatherAccount, PRIVACY_STORED_DATA, storageSummary } from './domain/privacy';
import { createPersonalDataService } from './personal-data';
import { createPersonalDataRepository } from './personal-data-repository';
import { privacyRoutes } from './privacy-routes';
import { privacyPage, publicPage, TERMS_PAGE } from './public-pages';

export type { PrivacyAccount } from './domain/privacy';

/**
 * What Rapport stores and each member's own data: the account gathered from every part's
 * declaration, the public privacy and terms pages, and export and erasure.
 */
export function createPrivacyFeature(deps: {
  platform: FeatureContext;
  people: People;
  /** What each part of the app stores, in the order the account lists them. */
  storedData: readonly (StoredData | undefined)[];
}): Feature {
  const account = gatherAccount([PRIVACY_STORED_DATA, ...deps.storedData]);
  const personalData = createPersonalDataService({
    store: createPersonalDataRepository(deps.platform.db),
    outbox: deps.platform.outbox,
  });
  const privacyHtml = privacyPage(account);
  return {
    name: 'privacy',
    help: { welcomeNote: storageSummary() },
    routes: [
      ...serveWith(privacyRoutes, { account }),
      ...serveWith(personalDataRoutes, {
        personalData,
        notStored: account.notStored,
        logger: deps.platform.logger,
      }),
    ],
    pages(server) {
      // The manifest's privacyUrl and termsOfUseUrl.
      server.get('/privacy', publicPage(privacyHtml));
      server.get('/terms', publicPage(TERMS_PAGE));
    },
  };
}
