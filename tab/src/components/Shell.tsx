import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Switch,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useEffect } from 'react';
import { useSession } from '../session-context';
import type { ThemeName } from '../theme';
import type { TeamSummary } from '../../../bot/src/people/people-schemas';
import { useUrlParams } from '../url-state';
import { viewById } from '../views/registry';
import { EmptyState } from './EmptyState';
import { LoadingBlock } from './LoadingCards';
import { ViewTabs } from './ViewTabs';
import { useT, type Translate } from '../i18n/use-t';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  brand: { color: tokens.colorBrandForeground1 },
  grow: { flexGrow: 1 },
  team: { minWidth: '200px' },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  nav: { padding: `0 ${tokens.spacingHorizontalL}` },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1040px',
    boxSizing: 'border-box',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
  },
  choices: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** A team's name as Teams gave it, else what kind of conversation it is. */
export const teamName = (team: TeamSummary, t: Translate): string =>
  team.name ?? t(team.kind === 'groupChat' ? 'tab.shell.groupChat' : 'tab.shell.unnamedTeam');

interface Props {
  /** The team Teams opened the tab in; it cannot be changed from the tab. */
  fixedTeamId?: string;
  theme: ThemeName;
  /** Offered outside Teams, where the tab has its own light/dark switch. */
  onThemeChange?: (theme: ThemeName) => void;
}

/** The signed-in tab: header (team, theme, who you are), view navigation, and the view. */
export function Shell({ fixedTeamId, theme, onThemeChange }: Props) {
  const styles = useStyles();
  const t = useT();
  const { me, inTeams, signOut } = useSession();
  const [params, update] = useUrlParams();
  const view = viewById(params.view);
  const only = me.teams.length === 1 ? me.teams[0].id : undefined;
  const teamId = fixedTeamId ?? params.team ?? only;

  // The URL names the view and the team it shows, so reloads and shared links open the same.
  useEffect(() => {
    const changes: Record<string, string> = {};
    if (params.view !== view.id) changes.view = view.id;
    if (teamId && params.team !== teamId) changes.team = teamId;
    if (Object.keys(changes).length) update(changes);
  }, [params.view, params.team, view.id, teamId, update]);

  const current = me.teams.find((t) => t.id === teamId);
  const { Component } = view;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.brand}>
          {t('tab.shell.brand')}
        </Title2>
        <span className={styles.grow} />
        {!fixedTeamId && me.teams.length > 1 && (
          <Field label={t('tab.shell.team')} orientation="horizontal" className={styles.team}>
            <Select
              value={teamId ?? ''}
              onChange={(_, d) =>
                d.value &&
                update({ team: d.value, trait: undefined, person: undefined, agreement: undefined })
              }
            >
              {!current && <option value="">{t('tab.shell.chooseTeam')}</option>}
              {me.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {teamName(team, t)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {onThemeChange && (
          <Switch
            label={t('tab.shell.darkTheme')}
            checked={theme === 'dark'}
            onChange={(_, d) => onThemeChange(d.checked ? 'dark' : 'light')}
          />
        )}
        {!inTeams && (
          <div className={styles.user}>
            <Caption1>{t('tab.shell.signedInAs', { name: me.name })}</Caption1>
            <Button size="small" onClick={() => signOut()}>
              {t('tab.shell.signOut')}
            </Button>
          </div>
        )}
      </header>

      <nav className={styles.nav} aria-label={t('tab.shell.views')}>
        <ViewTabs
          selected={view.id}
          onSelect={(id) => update({ view: id, agreement: undefined }, { push: true })}
        />
      </nav>

      <main
        className={styles.main}
        id="view-panel"
        role="tabpanel"
        aria-labelledby={`tab-${view.id}`}
      >
        {view.needsTeam && !teamId ? (
          <TeamChoice onChoose={(id) => update({ team: id })} />
        ) : (
          <Suspense
            fallback={<LoadingBlock label={t('tab.shell.loadingView', { view: t(view.label) })} />}
          >
            <Component key={teamId} teamId={teamId ?? ''} />
          </Suspense>
        )}
      </main>
    </div>
  );
}

function TeamChoice({ onChoose }: { onChoose: (teamId: string) => void }) {
  const styles = useStyles();
  const t = useT();
  const { me, inTeams } = useSession();
  if (me.teams.length === 0)
    return (
      <EmptyState title={t('tab.shell.noTeamsTitle')}>
        {inTeams
          ? t('tab.shell.noTeamsText')
          : t('tab.common.twoSentences', {
              first: t('tab.shell.noTeamsText'),
              second: t('tab.shell.noTeamsPlayground', {
                userId: me.aadObjectId,
                tenantId: me.tenantId,
              }),
            })}
      </EmptyState>
    );
  return (
    <EmptyState
      title={t('tab.shell.chooseTeam')}
      action={
        <div className={styles.choices}>
          {me.teams.map((team) => (
            <Button key={team.id} appearance="primary" onClick={() => onChoose(team.id)}>
              {teamName(team, t)}
            </Button>
          ))}
        </div>
      }
    >
      {t('tab.shell.chooseTeamText')}
    </EmptyState>
  );
}
