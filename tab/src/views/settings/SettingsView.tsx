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
import { plural } from '../../dates';
import { joinNames } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
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
  const runningNow = useConfirmation({ title: 'Run a check-in now?', confirmLabel: 'Run it now' });
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
          Check-in settings
        </h2>
        {config.status === 'loading' ? (
          <LoadingCards count={3} label="Loading the check-in settings" />
        ) : (
          <ErrorState
            title="The check-in settings could not be loaded"
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
    (id) => members.find((m) => m.aadObjectId === id)?.name ?? 'a former member',
  );
  const nextText = nextRoundAt
    ? `The next check-in opens ${formatInZone(nextRoundAt, locale, zone)}, ${zoneLabel(zone)} time.`
    : 'Check-ins are paused: none is scheduled.';
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
      ? ` The next check-in opens ${formatInZone(result.nextRoundAt, locale, result.settings.cadence.timeZone)}.`
      : ' Check-ins are paused.';
    setSaved(`Saved.${next}`);
    announce(`Settings saved.${next}`);
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
      created.status === 'adopted'
        ? 'Your change was adopted.'
        : 'Your proposal is open for votes for 7 days; you approved it.',
    );
    requestAnimationFrame(() => document.getElementById(proposalsId)?.focus());
  };

  const onVoted = (p: SettingsProposal) => {
    changeProposals((d) => ({ items: d.items.map((x) => (x.id === p.id ? p : x)) }));
    if (p.status === 'adopted') {
      refreshConfig();
      announce('Your vote was counted. The change was adopted: the settings are updated.');
    } else if (p.status === 'rejected')
      announce('Your vote was counted. The change was not adopted.');
    else announce(`Your vote was counted: ${p.approvals} approve, ${p.rejections} reject.`);
  };

  const runNow = async () => {
    const round = await api.send<Partial<CheckinRound>>(
      'POST',
      teamPath(teamId, '/checkin/rounds'),
    );
    const message =
      round.invited !== undefined && round.closesAt
        ? `The check-in is out: ${plural(round.invited, 'member')} got it privately from Rapport. It closes ${formatInZone(round.closesAt, locale, zone)}.`
        : 'The check-in has started.';
    setRan(message);
    announce(message);
  };

  const openProposals = proposals.status === 'ok' ? proposals.data.items : [];

  return (
    <section className={layout.columnL} aria-labelledby="settings-title">
      <h2 className={headings.view} id="settings-title">
        Check-in settings
      </h2>
      <Text className={layout.intro}>
        When Rapport asks the team how things are going, and what it asks. Answers are anonymous and
        only shown as team averages.{' '}
        {isLead
          ? 'You are a lead: your changes apply as soon as you save them.'
          : `${leadNames.length ? joinNames(leadNames) : 'The leads'} ${leadNames.length === 1 ? 'changes' : 'change'} these settings directly. You can propose a change to the schedule or the questions, and the team votes on it.`}
      </Text>

      <div className={layout.callout} data-testid="next-round">
        <Text weight="semibold">{nextText}</Text>
        {isLead && <Button onClick={() => runningNow.ask()}>Run a check-in now</Button>}
      </div>
      {ran && (
        <MessageBar intent="success" layout="multiline" data-testid="round-started">
          <MessageBarBody>{ran}</MessageBarBody>
        </MessageBar>
      )}

      <div className={layout.columnM}>
        <Subtitle1 as="h3" className={headings.root}>
          {isLead ? 'Change the settings' : 'The settings now'}
        </Subtitle1>
        {!isLead && proposing && (
          <Text>
            Change the schedule or the questions, then propose it. It takes effect when a majority
            of the members who vote within 7 days approve.
          </Text>
        )}
        {isLead || proposing ? (
          <SettingsEditor
            key={editorKey}
            initial={initial}
            members={members}
            mode={isLead ? 'lead' : 'propose'}
            submitLabel={isLead ? 'Save changes' : 'Propose this change'}
            cancelLabel={isLead ? 'Discard changes' : 'Cancel'}
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
                Propose a change
              </Button>
            </div>
          </>
        )}
      </div>

      <section className={layout.columnM} aria-labelledby={proposalsId}>
        <Subtitle1 as="h3" className={headings.target} id={proposalsId} tabIndex={-1}>
          Proposed changes
        </Subtitle1>
        <Loaded
          resource={proposals}
          loading={<LoadingCards count={1} label="Loading proposed changes" />}
          errorTitle="Proposed changes could not be loaded"
        >
          {() =>
            openProposals.length === 0 && (
              <EmptyState title="No proposed changes">
                {isLead
                  ? 'Members who are not leads propose changes here, and the team votes on them.'
                  : 'Want a different day, time or question? Choose “Propose a change” above: the team votes on it for 7 days.'}
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
            <MessageBarTitle>That did not work</MessageBarTitle>
            {save.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {liveRegion}

      <LazyConfirmDialog confirmation={runningNow} onConfirm={runNow}>
        <Text as="p">
          Every member of the team gets the check-in privately from Rapport now. It stays open for{' '}
          {plural(settings.cadence.windowHours, 'hour')}. Scheduled check-ins carry on as before.
        </Text>
      </LazyConfirmDialog>
    </section>
  );
}
