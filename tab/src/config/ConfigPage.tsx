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
  | { kind: 'problem'; message: string };

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
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>('light');
  const [state, setState] = useState<State>(() =>
    isInTeams()
      ? { kind: 'loading' }
      : {
          kind: 'problem',
          message:
            'This page is part of Teams: it opens when you add Rapport as a tab to a channel or ' +
            'group chat. To use Rapport in a browser, open /tab.',
        },
  );

  useEffect(() => {
    if (!isInTeams()) return;
    let cancelled = false;
    (async () => {
      const teams = await loadTeams();
      const context = await teams.app.getContext();
      if (cancelled) return;
      setTheme(fromTeamsTheme(asTeamsTheme(context.app.theme)));
      teams.app.registerOnThemeChangeHandler((t) => setTheme(fromTeamsTheme(asTeamsTheme(t))));
      // The Teams team id (19:…@thread), not the Microsoft 365 group id; a group chat's id.
      const teamId = context.team?.internalId ?? context.chat?.id;
      if (!teamId) {
        setState({
          kind: 'problem',
          message: 'Rapport tabs belong in a team channel or a group chat. Add it there instead.',
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
            suggestedDisplayName: 'Rapport',
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
      if (!cancelled)
        setState({
          kind: 'problem',
          message: 'Teams did not answer. Close this dialog and add the tab again.',
        });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <FluentProvider theme={THEMES[theme]}>
      <main className={styles.root}>
        <Card className={styles.card}>
          <Title2 as="h1">Add Rapport to this conversation</Title2>
          {state.kind === 'loading' && <Spinner label="Connecting to Teams…" />}
          {state.kind === 'ready' && state.inMeeting && (
            <>
              <Body1>
                The tab shows this meeting’s icebreaker: a light question to start with, “Another
                one” when you would like a different one, and whether a prompt is posted in the chat
                when the meeting starts. Rapport keeps no answers.
              </Body1>
              <Text>Select Save to add it.</Text>
            </>
          )}
          {state.kind === 'ready' && !state.inMeeting && (
            <>
              <Body1>
                The tab shows this team’s trust health: the five traits’ weekly averages from
                anonymous check-ins, and recognition counts. Everyone in the team sees the same
                view, and nothing is shown for fewer than three people.
              </Body1>
              <Text>Select Save to add it.</Text>
            </>
          )}
          {state.kind === 'problem' && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{state.message}</MessageBarBody>
            </MessageBar>
          )}
        </Card>
      </main>
    </FluentProvider>
  );
}
