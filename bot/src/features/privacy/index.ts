import type { People } from '../../people/people';
import type { PersonalDataPart } from '../../platform/domain/personal-data';
import type { StoredData } from '../../platform/domain/stored-data';
import type { Feature, FeatureContext } from '../../platform/feature';
import { registry } from '../../platform/registry';
import { serveWith } from '../../platform/http/route';
import { personalDataRoutes } from './personal-data-routes';
import { gatherAccount, PRIVACY_STORED_DATA } from './domain/privacy';
import { createPersonalDataService } from './personal-data';
import { createPersonalDataScopes } from './personal-data-repository';
import { privacyRoutes } from './privacy-routes';
import { personalExportView } from './privacy-schemas';
import { privacyPage, publicPage, termsPage } from './public-pages';
import { accountWording } from './account-wording';

export type { PrivacyDescription } from './privacy-schemas';

/**
 * What Rapport stores and each member's own data: the account gathered from every part's
 * declaration, the public privacy and terms pages, and export and erasure.
 */
export function createPrivacyFeature(deps: {
  platform: FeatureContext;
  people: People;
  /** What each part of the app stores, in the order the account lists them. */
  storedData: readonly (StoredData | undefined)[];
  /** Each feature's part of a member's export and erasure, in the order the export lists them. */
  personalData: readonly { owner: string; part: PersonalDataPart }[];
}): Feature {
  const wording = accountWording(gatherAccount([PRIVACY_STORED_DATA, ...deps.storedData]));
  const personalData = createPersonalDataService({
    scopes: createPersonalDataScopes(deps.platform.db),
    parts: deps.personalData.map(({ part }) => part),
    outbox: deps.platform.outbox,
  });
  // A key two features both export would hide one of them: it fails at start instead.
  const exportView = personalExportView(
    Object.fromEntries(
      registry(deps.personalData.map(({ owner, part }) => ({ owner, entries: part.exported }))),
    ),
  );
  return {
    name: 'privacy',
    help: { welcomeNote: 'welcome.storage' },
    routes: [
      ...serveWith(privacyRoutes, { wording }),
      ...serveWith(personalDataRoutes(exportView), {
        personalData,
        wording,
        logger: deps.platform.logger,
      }),
    ],
    pages(server) {
      // The manifest's privacyUrl and termsOfUseUrl.
      server.get(
        '/privacy',
        publicPage((t) => privacyPage(t, wording(t))),
      );
      server.get('/terms', publicPage(termsPage));
    },
  };
}
