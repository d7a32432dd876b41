import {
  Body1,
  Card,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { asTeamsTheme, loadTeams } from '../teams';
import { isInTeams } from '../url-state';
import { fromTeamsTheme, THEMES, usePageStyles, type ThemeName } from '../theme';
import { LocaleProvider } from '../i18n/LocaleProvider';
import { chooseLocale, type CatalogLocale } from '../i18n/locales';
import { useT, type MessageId } from '../i18n/use-t';

const useStyles = makeStyles({
  // On the page, not the provider (whose classes Fluent copies onto portal mount nodes).
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-start',
    padding: tokens.spacingHorizontalXL,
  },
  card: {
    maxWidth: '520px',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; teamId: string; inMeeting: boolean }
  | { kind: 'problem'; message: MessageId };

/**
 * The URL Teams opens for the saved tab, inside Teams: the team's trust health, or in a meeting
 * (its chat, details or side panel) the meeting's icebreakers.
 */
export function contentUrl(origin: string, teamId: string, view: 'health' | 'icebreakers'): string {
  const query = new URLSearchParams({ view, team: teamId, inTeams: '1' });
  return `${origin}/tab?${query}`;
}

/**
 * The configurable tab's configuration page (/tab/config): Teams shows it when someone adds
 * Rapport as a tab to a channel or group chat, and saves the tab's URL when they select Save.
 */
export function ConfigPage() {
  usePageStyles();
  const [theme, setTheme] = useState<ThemeName>('light');
  // Outside Teams the browser's language at once; in Teams, Teams' own once it answers.
  const [locale, setLocale] = useState<CatalogLocale | undefined>(() =>
    isInTeams() ? undefined : chooseLocale(),
  );
  const [personalLocale, setPersonalLocale] = useState<string>();
  const [state, setState] = useState<State>(() =>
    isInTeams()
      ? { kind: 'loading' }
      : {
          kind: 'problem',
          message: 'tab.config.outsideTeams',
        },
  );

  useEffect(() => {
    if (!isInTeams()) return;
    let cancelled = false;
    (async () => {
      const teams = await loadTeams();
      const context = await teams.app.getContext();
      if (cancelled) return;
      setPersonalLocale(context.app.locale);
      setLocale(chooseLocale(context.app.locale));
      setTheme(fromTeamsTheme(asTeamsTheme(context.app.theme)));
      teams.app.registerOnThemeChangeHandler((t) => setTheme(fromTeamsTheme(asTeamsTheme(t))));
      // The Teams team id (19:…@thread), not the Microsoft 365 group id; a group chat's id.
      const teamId = context.team?.internalId ?? context.chat?.id;
      if (!teamId) {
        setState({
          kind: 'problem',
          message: 'tab.config.wrongPlace',
        });
        teams.app.notifySuccess().catch(() => undefined);
        return;
      }
      const inMeeting = Boolean(context.meeting?.id);
      const view = inMeeting ? 'icebreakers' : 'health';
      const url = contentUrl(window.location.origin, teamId, view);
      teams.pages.config.registerOnSaveHandler((saveEvent) => {
        teams.pages.config
          .setConfig({
            entityId: `rapport-${view}-${teamId}`,
            contentUrl: url,
            websiteUrl: url.replace('&inTeams=1', ''),
            suggestedDisplayName: 'Rapport', // the app's name, the same in every language
          })
          .then(
            () => saveEvent.notifySuccess(),
            (err: unknown) => saveEvent.notifyFailure(String(err)),
          );
      });
      teams.pages.config.setValidityState(true);
      teams.app.notifySuccess().catch(() => undefined);
      setState({ kind: 'ready', teamId, inMeeting });
    })().catch(() => {
      if (cancelled) return;
      setLocale((known) => known ?? chooseLocale());
      setState({ kind: 'problem', message: 'tab.config.noAnswer' });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <FluentProvider theme={THEMES[theme]}>
      <LocaleProvider locale={locale} personalLocale={personalLocale}>
        <ConfigBody state={state} />
      </LocaleProvider>
    </FluentProvider>
  );
}

/** The page's text for each state, in the person's language. */
function ConfigBody({ state }: { state: State }) {
  const styles = useStyles();
  const t = useT();
  return (
    <main className={styles.root}>
      <Card className={styles.card}>
        <Title2 as="h1">{t('tab.config.title')}</Title2>
        {state.kind === 'loading' && <Spinner label={t('tab.config.connecting')} />}
        {state.kind === 'ready' && (
          <>
            <Body1>{t(state.inMeeting ? 'tab.config.meetingTab' : 'tab.config.teamTab')}</Body1>
            <Text>{t('tab.config.selectSave')}</Text>
          </>
        )}
        {state.kind === 'problem' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t(state.message)}</MessageBarBody>
          </MessageBar>
        )}
      </Card>
    </main>
  );
}
