import { focusSoon } from '../../focus';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useCallback, useId, useState } from 'react';
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LazyConfirmDialog, useConfirmation } from '../../components/LazyConfirmDialog';
import { useAnnouncer } from '../../components/LiveRegion';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { joinNames } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT } from '../../i18n/use-t';
import { useErrorText } from '../../i18n/error-text';
import type {
  CheckinConfig,
  CheckinRound,
  SettingsProposal,
} from '../../../../bot/src/features/checkins/checkin-schemas';
import type { Person } from '../../../../bot/src/people/people-schemas';
import { useAction } from '../../use-action';
import { useResource } from '../../use-resource';
import { formatInZone, zoneLabel } from './settings-format';
import { SettingsEditor, type SettingsDraft } from './SettingsEditor';
import { SettingsProposalCard } from './SettingsProposals';
import { SettingsSummary } from './SettingsSummary';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The team's check-in settings: schedule, questions, the open question, the minimum group size
 * and the leads. Leads change them directly; anyone else proposes a change and the team votes.
 */
export function SettingsView({ teamId }: { teamId: string }) {
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [announce, liveRegion] = useAnnouncer();
  const proposalsId = useId();

  const settingsPath = teamPath(teamId, '/checkin/settings');
  const proposalsPath = teamPath(teamId, '/checkin/proposals');
  const loadConfig = useCallback(
    (signal: AbortSignal) => api.get<CheckinConfig>(settingsPath, signal),
    [api, settingsPath],
  );
  const loadProposals = useCallback(
    (signal: AbortSignal) => api.get<{ items: SettingsProposal[] }>(proposalsPath, signal),
    [api, proposalsPath],
  );
  const loadMembers = useCallback(
    (signal: AbortSignal) => api.get<{ members: Person[] }>(teamPath(teamId, '/members'), signal),
    [api, teamId],
  );
  const [config, changeConfig] = useResource(loadConfig);
  const [proposals, changeProposals] = useResource(loadProposals);
  const [roster] = useResource(loadMembers);

  const save = useAction();
  const [editorKey, setEditorKey] = useState(0);
  const [saved, setSaved] = useState<string>();
  const [proposing, setProposing] = useState(false);
  const runningNow = useConfirmation({
    title: t('tab.settings.runTitle'),
    confirmLabel: t('tab.settings.runConfirm'),
  });
  const [ran, setRan] = useState<string>();

  /** Re-reads the settings in the background (after a proposal was adopted). */
  const refreshConfig = useCallback(() => {
    api.get<CheckinConfig>(settingsPath).then(
      (fresh) => {
        changeConfig(() => fresh);
        setEditorKey((k) => k + 1);
      },
      () => undefined,
    );
  }, [api, settingsPath, changeConfig]);

  if (config.status !== 'ok')
    return (
      <section
        className={layout.columnL}
        aria-labelledby="settings-title"
        aria-busy={config.status === 'loading' ? 'true' : undefined}
      >
        <h2 className={headings.view} id="settings-title">
          {t('tab.views.settings')}
        </h2>
        {config.status === 'loading' ? (
          <LoadingCards count={3} label={t('tab.settings.loading')} />
        ) : (
          <ErrorState
            title={t('tab.settings.loadFailed')}
            error={config.error}
            onRetry={config.retry}
          />
        )}
      </section>
    );

  const { settings, leads, isLead, nextRoundAt } = config.data;
  const zone = settings.cadence.timeZone;
  const members = roster.status === 'ok' ? roster.data.members : [];
  const leadNames = leads.map(
    (id) => members.find((m) => m.aadObjectId === id)?.name ?? t('tab.settings.formerMember'),
  );
  const nextText = nextRoundAt
    ? t('tab.settings.nextOpens', {
        when: formatInZone(nextRoundAt, locale, zone),
        zone: zoneLabel(zone),
      })
    : t('tab.settings.pausedNone');
  const initial: SettingsDraft = { settings, leads };

  const saveSettings = async (draft: SettingsDraft) => {
    const result = await save.run('save', () =>
      api.send<CheckinConfig>('PUT', settingsPath, {
        settings: draft.settings,
        ...(sameJson(draft.leads, leads) ? {} : { leads: draft.leads }),
      }),
    );
    if (!result) return;
    changeConfig(() => result);
    setEditorKey((k) => k + 1);
    const next = result.nextRoundAt
      ? t('tab.settings.nextOpensShort', {
          when: formatInZone(result.nextRoundAt, locale, result.settings.cadence.timeZone),
        })
      : t('tab.settings.pausedShort');
    setSaved(t('tab.settings.saved', { next }));
    announce(t('tab.settings.savedAnnounce', { next }));
  };

  const propose = async (draft: SettingsDraft) => {
    const change = {
      ...(sameJson(draft.settings.cadence, settings.cadence)
        ? {}
        : { cadence: draft.settings.cadence }),
      ...(sameJson(draft.settings.questions, settings.questions)
        ? {}
        : { questions: draft.settings.questions }),
    };
    const created = await save.run('propose', () =>
      api.send<SettingsProposal>('POST', proposalsPath, change),
    );
    if (!created) return;
    setProposing(false);
    changeProposals((d) => ({ items: [created, ...d.items.filter((p) => p.id !== created.id)] }));
    if (created.status === 'adopted') refreshConfig();
    announce(
      created.status === 'adopted' ? t('tab.settings.adopted') : t('tab.settings.proposalOpen'),
    );
    focusSoon(proposalsId);
  };

  const onVoted = (p: SettingsProposal) => {
    changeProposals((d) => ({ items: d.items.map((x) => (x.id === p.id ? p : x)) }));
    if (p.status === 'adopted') {
      refreshConfig();
      announce(t('tab.settings.voteAdopted'));
    } else if (p.status === 'rejected') announce(t('tab.settings.voteRejected'));
    else
      announce(t('tab.settings.voteCounted', { approvals: p.approvals, rejections: p.rejections }));
  };

  const runNow = async () => {
    const round = await api.send<Partial<CheckinRound>>(
      'POST',
      teamPath(teamId, '/checkin/rounds'),
    );
    const message =
      round.invited !== undefined && round.closesAt
        ? t('tab.settings.ranOut', {
            invited: round.invited,
            closes: formatInZone(round.closesAt, locale, zone),
          })
        : t('tab.settings.ranStarted');
    setRan(message);
    announce(message);
  };

  const openProposals = proposals.status === 'ok' ? proposals.data.items : [];

  return (
    <section className={layout.columnL} aria-labelledby="settings-title">
      <h2 className={headings.view} id="settings-title">
        {t('tab.views.settings')}
      </h2>
      <Text className={layout.intro}>
        {t('tab.common.twoSentences', {
          first: t('tab.settings.intro'),
          second: isLead
            ? t('tab.settings.introLead')
            : t('tab.settings.introMember', {
                leads: leadNames.length,
                names: joinNames(leadNames, locale),
              }),
        })}
      </Text>

      <div className={layout.callout} data-testid="next-round">
        <Text weight="semibold">{nextText}</Text>
        {isLead && <Button onClick={() => runningNow.ask()}>{t('tab.settings.runNow')}</Button>}
      </div>
      {ran && (
        <MessageBar intent="success" layout="multiline" data-testid="round-started">
          <MessageBarBody>{ran}</MessageBarBody>
        </MessageBar>
      )}

      <div className={layout.columnM}>
        <Subtitle1 as="h3" className={headings.root}>
          {t(isLead ? 'tab.settings.change' : 'tab.settings.now')}
        </Subtitle1>
        {!isLead && proposing && <Text>{t('tab.settings.proposeHelp')}</Text>}
        {isLead || proposing ? (
          <SettingsEditor
            key={editorKey}
            initial={initial}
            members={members}
            mode={isLead ? 'lead' : 'propose'}
            submitLabel={t(isLead ? 'tab.settings.saveChanges' : 'tab.settings.proposeThis')}
            cancelLabel={t(isLead ? 'tab.common.discardChanges' : 'tab.common.cancel')}
            busy={save.busy !== undefined}
            error={save.error}
            saved={isLead ? saved : undefined}
            onSubmit={(draft) => void (isLead ? saveSettings(draft) : propose(draft))}
            onCancel={() => {
              save.clearError();
              if (!isLead) setProposing(false);
            }}
          />
        ) : (
          <>
            <SettingsSummary settings={settings} leadNames={leadNames} />
            <div className={layout.rowM}>
              <Button appearance="primary" onClick={() => setProposing(true)}>
                {t('tab.settings.propose')}
              </Button>
            </div>
          </>
        )}
      </div>

      <section className={layout.columnM} aria-labelledby={proposalsId}>
        <Subtitle1 as="h3" className={headings.target} id={proposalsId} tabIndex={-1}>
          {t('tab.settings.proposals')}
        </Subtitle1>
        <Loaded
          resource={proposals}
          loading={<LoadingCards count={1} label={t('tab.settings.proposalsLoading')} />}
          errorTitle={t('tab.settings.proposalsFailed')}
        >
          {() =>
            openProposals.length === 0 && (
              <EmptyState title={t('tab.settings.noProposalsTitle')}>
                {t(isLead ? 'tab.settings.noProposalsLead' : 'tab.settings.noProposalsMember')}
              </EmptyState>
            )
          }
        </Loaded>
        {openProposals.length > 0 && (
          <ul className={layout.cards}>
            {openProposals.map((p) => (
              <li key={p.id}>
                <SettingsProposalCard
                  teamId={teamId}
                  proposal={p}
                  current={settings}
                  onVoted={onVoted}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {save.error && !isLead && !proposing && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('tab.common.didNotWork')}</MessageBarTitle>
            {errorText(save.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {liveRegion}

      <LazyConfirmDialog confirmation={runningNow} onConfirm={runNow}>
        <Text as="p">{t('tab.settings.runText', { hours: settings.cadence.windowHours })}</Text>
      </LazyConfirmDialog>
    </section>
  );
}
