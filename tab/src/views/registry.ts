import { lazy, type ComponentType } from 'react';
import type { MessageId } from '../i18n/use-t';
import { RecognitionWall } from './RecognitionWall';

// The wall is the default view and ships in the first chunk; the others load when opened.
const TrustHealthView = lazy(() =>
  import('./TrustHealthView').then((m) => ({ default: m.TrustHealthView })),
);
const PrivacyView = lazy(() => import('./PrivacyView').then((m) => ({ default: m.PrivacyView })));
const AgreementsView = lazy(() =>
  import('./agreements/AgreementsView').then((m) => ({ default: m.AgreementsView })),
);
const CoffeeView = lazy(() =>
  import('./coffee/CoffeeView').then((m) => ({ default: m.CoffeeView })),
);
const InterestsView = lazy(() =>
  import('./interests/InterestsView').then((m) => ({ default: m.InterestsView })),
);
const FollowThroughView = lazy(() =>
  import('./follow/FollowThroughView').then((m) => ({ default: m.FollowThroughView })),
);
const SettingsView = lazy(() =>
  import('./settings/SettingsView').then((m) => ({ default: m.SettingsView })),
);
const IcebreakersView = lazy(() =>
  import('./IcebreakersView').then((m) => ({ default: m.IcebreakersView })),
);

export interface ViewDefinition {
  /** The `?view=` value. */
  id: string;
  /** The view's name in the catalog. */
  label: MessageId;
  /** Whether the view shows one team's data (and so needs a team picked first). */
  needsTeam: boolean;
  Component: ComponentType<{ teamId: string }>;
}

/**
 * The tab's views, in navigation order. Adding one is one entry here: the navigation, the URL
 * and the team picker follow.
 */
export const VIEWS: readonly ViewDefinition[] = [
  { id: 'health', label: 'tab.views.health', needsTeam: true, Component: TrustHealthView },
  { id: 'wall', label: 'tab.views.wall', needsTeam: true, Component: RecognitionWall },
  { id: 'agreements', label: 'tab.views.agreements', needsTeam: true, Component: AgreementsView },
  { id: 'settings', label: 'tab.views.settings', needsTeam: true, Component: SettingsView },
  { id: 'follow', label: 'tab.views.follow', needsTeam: true, Component: FollowThroughView },
  { id: 'coffee', label: 'tab.views.coffee', needsTeam: true, Component: CoffeeView },
  {
    id: 'icebreakers',
    label: 'tab.views.icebreakers',
    needsTeam: true,
    Component: IcebreakersView,
  },
  { id: 'interests', label: 'tab.views.interests', needsTeam: true, Component: InterestsView },
  { id: 'privacy', label: 'tab.views.privacy', needsTeam: false, Component: PrivacyView },
];

export const DEFAULT_VIEW = 'wall';

export const viewById = (id: string | undefined): ViewDefinition =>
  VIEWS.find((v) => v.id === id) ?? VIEWS.find((v) => v.id === DEFAULT_VIEW)!;
