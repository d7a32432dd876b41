import { FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, createApi, prefetch, toApiError } from './api';
import { ErrorState } from './components/ErrorState';
import { Shell } from './components/Shell';
import { SessionContext, type Session } from './session-context';
import { storedTheme, storedToken, storeTheme, storeToken } from './session';
import { followDeepLink } from './deep-link';
import { connectTeams, type TeamsHost } from './teams';
import { fromTeamsTheme, THEMES, usePageStyles, type ThemeName } from './theme';
import type { Me } from '../../bot/src/people/people-schemas';
import { isInTeams, readParams } from './url-state';
import { viewById } from './views/registry';
import { LocaleProvider } from './i18n/LocaleProvider';
import { chooseLocale, formattingLocale, type CatalogLocale } from './i18n/locales';
import { useT } from './i18n/use-t';
import { setRequestLanguage } from './api';
import { quietUrl, wallPageUrl } from './views/wall-api';

const useStyles = makeStyles({
  // On a child of the provider, not the provider: Fluent copies the provider's classes onto
  // every portal's mount node (dialogs, chart callouts), which would then cover the page.
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  centered: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    minHeight: '60vh',
    padding: tokens.spacingHorizontalXL,
  },
});

// Only people outside Teams without a session see the form, so it loads on demand.
const SignIn = lazy(() => import('./components/SignIn'));

type Phase =
  | { kind: 'starting' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; token: string; me: Me };

// The text people see for this code comes from the catalog (i18n/error-text.ts).
const teamsSignInError = (err: unknown): ApiError =>
  err instanceof ApiError ? err : new ApiError(0, 'TEAMS_SSO', 'Teams single sign-on failed');

/**
 * Starts loading the wall (the default view) while the tab still asks who the person is, when the
 * URL or Teams already says which team it shows.
 */
function prefetchFirstView(token: string, teamsTeamId: string | undefined): void {
  const params = readParams();
  const teamId = teamsTeamId ?? params.team;
  if (!teamId || viewById(params.view).id !== 'wall') return;
  prefetch(token, wallPageUrl(teamId, { tag: params.trait, recipient: params.person }));
  prefetch(token, quietUrl(teamId));
}

/**
 * The tab's root: the one FluentProvider (with the theme Teams reports, or the person's choice
 * outside Teams), sign-in (the Teams SSO token, or the local sign-in form), then the views.
 */
export function App() {
  usePageStyles();
  const styles = useStyles();
  const inTeams = isInTeams();
  const [theme, setTheme] = useState<ThemeName>(() => (inTeams ? 'light' : storedTheme()));
  const [host, setHost] = useState<TeamsHost>();
  // In Teams the language is Teams' own, known once the host answers (or fails to).
  const [hostSettled, setHostSettled] = useState(!inTeams);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  const onUnauthorized = useCallback(
    (err: ApiError) => {
      if (inTeams) {
        setPhase({ kind: 'failed', error: err });
      } else {
        storeToken(undefined);
        setPhase({ kind: 'signed-out', notice: err.message });
      }
    },
    [inTeams],
  );

  // Start-up: in Teams, the host's context and SSO token; outside, a token from this tab session.
  useEffect(() => {
    let cancelled = false;
    const start = async (): Promise<Phase> => {
      let token: string | undefined;
      let teamsTeamId: string | undefined;
      if (inTeams) {
        try {
          const teams = await connectTeams();
          if (cancelled) return { kind: 'starting' };
          setHost(teams);
          setHostSettled(true);
          followDeepLink(teams.subPageId);
          teamsTeamId = teams.teamId;
          setTheme(fromTeamsTheme(teams.theme));
          teams.onThemeChange((t) => setTheme(fromTeamsTheme(t)));
          token = await teams.getToken();
        } catch (err) {
          setHostSettled(true);
          return { kind: 'failed', error: teamsSignInError(err) };
        }
        setHostSettled(true);
      } else {
        token = storedToken();
        if (!token) return { kind: 'signed-out' };
      }
      prefetchFirstView(token, teamsTeamId);
      try {
        const me = await createApi(token, () => undefined).get<Me>('/api/v1/me');
        return { kind: 'ready', token, me };
      } catch (err) {
        const error = toApiError(err);
        if (error.status === 401 && !inTeams) {
          storeToken(undefined);
          return { kind: 'signed-out', notice: error.message };
        }
        return { kind: 'failed', error };
      }
    };
    void start().then((next) => {
      if (!cancelled) setPhase(next);
    });
    return () => {
      cancelled = true;
    };
  }, [inTeams, attempt]);

  const personalLocale = host?.locale ?? navigator.language;
  const catalogLocale: CatalogLocale | undefined = hostSettled
    ? chooseLocale(host?.locale)
    : undefined;
  const locale = catalogLocale ? formattingLocale(catalogLocale, personalLocale) : personalLocale;
  useEffect(() => {
    if (catalogLocale) setRequestLanguage(catalogLocale);
  }, [catalogLocale]);

  const signOut = useCallback((notice?: string) => {
    storeToken(undefined);
    setPhase({ kind: 'signed-out', notice });
  }, []);

  const token = phase.kind === 'ready' ? phase.token : undefined;
  const api = useMemo(() => createApi(token, onUnauthorized), [token, onUnauthorized]);
  const session = useMemo<Session | undefined>(
    () => (phase.kind === 'ready' ? { api, me: phase.me, locale, inTeams, signOut } : undefined),
    [api, phase, locale, inTeams, signOut],
  );

  const chooseTheme = (next: ThemeName) => {
    storeTheme(next === 'dark' ? 'dark' : 'light');
    setTheme(next);
  };

  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme}>
      <div className={styles.page}>
        <LocaleProvider locale={catalogLocale} personalLocale={personalLocale}>
          <AppBody
            phase={phase}
            onSignedIn={(t) => {
              storeToken(t);
              setPhase({ kind: 'starting' });
              setAttempt((n) => n + 1);
            }}
            onRetry={() => {
              setPhase({ kind: 'starting' });
              setAttempt((n) => n + 1);
            }}
          >
            {session && (
              <SessionContext.Provider value={session}>
                <Shell
                  fixedTeamId={host?.teamId}
                  theme={theme}
                  onThemeChange={inTeams ? undefined : chooseTheme}
                />
              </SessionContext.Provider>
            )}
          </AppBody>
        </LocaleProvider>
      </div>
    </FluentProvider>
  );
}

interface BodyProps {
  phase: Phase;
  onSignedIn: (token: string) => void;
  onRetry: () => void;
  /** The signed-in tab. */
  children: ReactNode;
}

/** What the tab shows at each step of starting up, in the person's language. */
function AppBody({ phase, onSignedIn, onRetry, children }: BodyProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <>
      {phase.kind === 'starting' && (
        <div className={styles.centered}>
          <Spinner label={t('tab.app.opening')} />
        </div>
      )}
      {phase.kind === 'signed-out' && (
        <Suspense
          fallback={<Spinner className={styles.centered} label={t('tab.app.openingSignIn')} />}
        >
          <SignIn notice={phase.notice} onSignedIn={onSignedIn} />
        </Suspense>
      )}
      {phase.kind === 'failed' && (
        <main className={styles.centered}>
          <ErrorState title={t('tab.app.couldNotOpen')} error={phase.error} onRetry={onRetry} />
        </main>
      )}
      {children}
    </>
  );
}
