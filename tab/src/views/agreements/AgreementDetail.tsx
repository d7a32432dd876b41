import {
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  Textarea,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LazyConfirmDialog } from '../../components/LazyConfirmDialog';
import { LoadingCards } from '../../components/LoadingCards';
import { formatDateTime, formatLocalDate, plural } from '../../dates';
import { useSession } from '../../session-context';
import type {
  AgreementDetail,
  AgreementProposal,
  ProposalWithAgreement,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import type { CheckinSettings } from '../../../../bot/src/features/checkins/checkin-schemas';
import { useAction } from '../../use-action';
import { useResource } from '../../use-resource';
import { AgreementBadges } from './AgreementCard';
import {
  afterAction,
  answeredProposal,
  categoryLabel,
  keepAgreement,
  keptText,
  outcomeText,
  proposalHeading,
  reviewState,
} from './agreement-format';
import { AgreementForm, MAX_NOTE, type AgreementDraft } from './AgreementForm';
import { agreementHref, useAgreements } from './agreements-context';
import { ContentDiffView } from './DiffText';
import { focusSoon } from './focus';
import { AgreementText } from './AgreementText';
import { ProposalPanel } from './ProposalPanel';

type AgreementEvent = AgreementDetail['history'][number];
type CheckinQuestion = CheckinSettings['questions'][number];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  title: { ...typographyStyles.title3, margin: 0, flexGrow: 1, ':focus': { outlineStyle: 'none' } },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  version: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  history: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

function eventText(e: AgreementEvent, locale: string): string {
  const by = e.by?.name ?? 'Someone';
  switch (e.kind) {
    case 'proposed':
      return `${by} proposed it`;
    case 'change-proposed':
      return `${by} proposed a change`;
    case 'retire-proposed':
      return `${by} proposed retiring it`;
    case 'adopted':
      return e.by
        ? `${by} ratified it: version ${e.version}`
        : `The team adopted it: version ${e.version}`;
    case 'changed':
      return e.by
        ? `${by} ratified a change: version ${e.version}`
        : `The team adopted a change: version ${e.version}`;
    case 'retired':
      return e.by ? `${by} ratified retiring it` : 'The team retired it';
    case 'not-adopted':
      return 'A proposal was not adopted';
    case 'superseded':
      return 'A proposal was replaced by a newer one';
    case 'kept':
      return `${by} kept it${e.reviewOn ? `; next review ${formatLocalDate(e.reviewOn, locale)}` : ''}`;
  }
}

const PROPOSAL_OUTCOMES: Record<AgreementProposal['status'], string> = {
  open: 'open',
  adopted: 'adopted',
  rejected: 'not adopted',
  superseded: 'replaced by a newer proposal',
};

/** One agreement: its wording, open proposal, actions, every version with its diff, history. */
export function AgreementDetailView({ agreementId }: { agreementId: string }) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const { teamId, today, timeZone, isLead, announce, open } = useAgreements();
  const path = teamPath(teamId, `/agreements/${encodeURIComponent(agreementId)}`);
  const load = useCallback(
    (signal: AbortSignal) => api.get<AgreementDetail>(path, signal),
    [api, path],
  );
  const [detail, reload, change] = useResource(load);
  const heading = useRef<HTMLHeadingElement>(null);
  const [changing, setChanging] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [retireNote, setRetireNote] = useState('');
  const [notice, setNotice] = useState<string>();
  const action = useAction();
  const proposalHeadingId = useId();
  const actionsId = useId();

  const loaded = detail.status === 'ok';
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  /** Re-reads the agreement in the background (versions and history after a decision). */
  const refresh = useCallback(() => {
    api.get<AgreementDetail>(path).then(
      (fresh) => change(() => fresh),
      () => undefined,
    );
  }, [api, path, change]);

  const onResult = useCallback(
    (result: ProposalWithAgreement, message: string) => {
      const proposal = answeredProposal(result);
      change((d) => ({
        ...d,
        ...afterAction(result),
        proposals: d.proposals.some((p) => p.id === proposal.id)
          ? d.proposals.map((p) => (p.id === proposal.id ? proposal : p))
          : [proposal, ...d.proposals],
      }));
      const outcome = outcomeText(result);
      setNotice(outcome);
      announce(outcome ? `${message} ${outcome}` : message);
      if (proposal.status !== 'open') {
        refresh();
        requestAnimationFrame(() => heading.current?.focus());
      } else focusSoon(proposalHeadingId);
    },
    [change, announce, refresh, proposalHeadingId],
  );

  if (detail.status === 'loading') return <LoadingCards count={2} label="Loading the agreement" />;
  if (detail.status === 'error')
    return (
      <div className={styles.root}>
        <BackLink onBack={() => open(undefined)} />
        <h2 className={styles.title} id="agreements-title">
          Working agreement
        </h2>
        {detail.error.status === 404 && detail.error.code === 'AGREEMENT_NOT_FOUND' ? (
          <EmptyState
            title="This agreement is not here"
            action={<Button onClick={() => open(undefined)}>See all agreements</Button>}
          >
            {detail.error.message} It may belong to another team: check the team at the top.
          </EmptyState>
        ) : (
          <ErrorState
            title="The agreement could not be loaded"
            error={detail.error}
            onRetry={reload}
          />
        )}
      </div>
    );

  const a = detail.data;
  const review = reviewState(a, today);
  const proposalOpen = a.openProposal?.phase === 'voting';
  const canPropose = a.status === 'active' && !proposalOpen;
  const past = a.proposals.filter((p) => p.status !== 'open');
  const versions = [...a.versions].reverse();

  const proposeChange = async (draft: AgreementDraft) => {
    const result = await action.run('change', () =>
      api.send<ProposalWithAgreement>('POST', `${path}/proposals`, {
        kind: 'change',
        title: draft.title,
        text: draft.text,
        category: draft.category,
        ...(draft.note ? { note: draft.note } : {}),
      }),
    );
    if (!result) return;
    setChanging(false);
    onResult(result, 'You proposed a change and endorsed it. The team has 7 days to respond.');
  };

  const proposeRetire = async () => {
    const note = retireNote.trim();
    const result = await api.send<ProposalWithAgreement>('POST', `${path}/proposals`, {
      kind: 'retire',
      ...(note ? { note } : {}),
    });
    setRetiring(false);
    setRetireNote('');
    onResult(result, 'You proposed retiring it. The team has 7 days to respond.');
  };

  const keep = async () => {
    const kept = await action.run('keep', () => keepAgreement(api, teamId, a.id, a.reviewOn));
    if (!kept) return;
    const message = keptText(kept.reviewOn, locale);
    change((d) => ({ ...d, reviewOn: kept.reviewOn, reviewAfterDays: kept.reviewAfterDays }));
    refresh();
    setNotice(message);
    announce(message);
    focusSoon(actionsId);
  };

  const toCheckin = async () => {
    const result = await action.run('checkin', () =>
      api.send<{ question: CheckinQuestion; added: boolean }>('POST', `${path}/checkin-question`),
    );
    if (!result) return;
    const message = result.added
      ? `Added to the team’s check-in questions: “${result.question.text}”`
      : `It is already one of the check-in questions: “${result.question.text}”`;
    setNotice(message);
    announce(message);
  };

  return (
    <div className={styles.root} data-testid="agreement-detail">
      <BackLink onBack={() => open(undefined)} />
      <div className={styles.header}>
        <h2 className={styles.title} id="agreements-title" ref={heading} tabIndex={-1}>
          {a.title}
        </h2>
        <AgreementBadges agreement={a} />
      </div>

      <div className={styles.panel}>
        <AgreementText text={a.text} data-testid="agreement-text" />
        <dl className={styles.facts}>
          <dt className={styles.term}>Category</dt>
          <dd className={styles.definition}>{categoryLabel(a.category)}</dd>
          <dt className={styles.term}>Proposed by</dt>
          <dd className={styles.definition}>
            {a.createdBy.name}, {formatDateTime(a.createdAt, locale)}
          </dd>
          {a.adoptedAt && (
            <>
              <dt className={styles.term}>In effect since</dt>
              <dd className={styles.definition}>
                {formatDateTime(a.adoptedAt, locale)} (version {a.version})
              </dd>
            </>
          )}
          {a.status === 'active' && a.reviewOn && (
            <>
              <dt className={styles.term}>Next review</dt>
              <dd className={styles.definition}>
                {formatLocalDate(a.reviewOn, locale)}
                {timeZone ? `, ${timeZone}` : ''}: “Still keeping this?”
              </dd>
            </>
          )}
        </dl>
      </div>

      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {a.openProposal && (
        <ProposalPanel
          key={a.openProposal.id}
          teamId={teamId}
          agreementId={a.id}
          agreementTitle={a.title}
          proposal={a.openProposal}
          headingLevel="h3"
          headingId={proposalHeadingId}
          onResult={onResult}
        />
      )}

      {a.status === 'active' && (
        <section className={styles.section} aria-labelledby={actionsId}>
          <Subtitle1 as="h3" className={headings.target} id={actionsId} tabIndex={-1}>
            {review.due ? 'Still keeping this?' : 'Change it'}
          </Subtitle1>
          <Text className={styles.muted}>
            {proposalOpen
              ? 'A proposal is open for responses: a new one can be made once it is decided or its window ends.'
              : 'Changes go to the team as a proposal; nothing changes until the team decides.'}
          </Text>
          {action.error && !changing && (
            <ErrorState title="That did not work" error={action.error} />
          )}
          {changing ? (
            <AgreementForm
              initial={{ title: a.title, text: a.text, category: a.category }}
              label="Propose a change"
              focusTitle
              submitLabel="Propose this change"
              noteLabel="Why change it? (optional)"
              noteHint={`Shown with the proposal, up to ${MAX_NOTE} characters.`}
              busy={action.busy !== undefined}
              error={action.error}
              errorTitle="The change could not be proposed"
              onSubmit={(draft) => void proposeChange(draft)}
              onCancel={() => {
                setChanging(false);
                action.clearError();
              }}
            />
          ) : (
            <div className={styles.actions}>
              {review.due && (
                <Button
                  appearance="primary"
                  onClick={() => void keep()}
                  disabled={action.busy !== undefined}
                  icon={action.busy === 'keep' ? <Spinner size="tiny" /> : undefined}
                >
                  Keep it
                </Button>
              )}
              <Button
                onClick={() => {
                  action.clearError();
                  setChanging(true);
                }}
                disabled={!canPropose || action.busy !== undefined}
              >
                Propose a change
              </Button>
              <Button
                onClick={() => setRetiring(true)}
                disabled={!canPropose || action.busy !== undefined}
              >
                Propose retiring it
              </Button>
              {isLead && (
                <Button
                  onClick={() => void toCheckin()}
                  disabled={action.busy !== undefined}
                  icon={action.busy === 'checkin' ? <Spinner size="tiny" /> : undefined}
                >
                  Turn into a check-in question
                </Button>
              )}
            </div>
          )}
        </section>
      )}

      <section className={styles.section} aria-labelledby="versions-title">
        <Subtitle1 as="h3" className={headings.root} id="versions-title">
          Versions
        </Subtitle1>
        {versions.length === 0 ? (
          <Text className={styles.muted}>
            No version yet: it becomes version 1 when the team adopts it.
          </Text>
        ) : (
          <ol className={styles.list} data-testid="versions">
            {versions.map((v) => (
              <li key={v.version} className={styles.version} data-testid="version">
                <Subtitle2 as="h4" className={headings.root}>
                  Version {v.version}
                </Subtitle2>
                <Caption1 className={styles.muted}>
                  Adopted {formatDateTime(v.adoptedAt, locale)} · proposed by {v.proposedBy.name} ·{' '}
                  {v.decidedBy.kind === 'lead'
                    ? `ratified by ${v.decidedBy.lead.name}`
                    : 'decided by the team'}
                </Caption1>
                {v.diff ? (
                  <>
                    <Text>Changes from version {v.version - 1}:</Text>
                    <ContentDiffView diff={v.diff} />
                  </>
                ) : (
                  <>
                    <Text weight="semibold">{v.title}</Text>
                    <AgreementText text={v.text} />
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {past.length > 0 && (
        <section className={styles.section} aria-labelledby="past-proposals-title">
          <Subtitle1 as="h3" className={headings.root} id="past-proposals-title">
            Decided proposals
          </Subtitle1>
          <ul className={styles.history}>
            {past.map((p) => (
              <li key={p.id}>
                <Text>
                  {proposalHeading(p)}, {formatDateTime(p.createdAt, locale)}:{' '}
                  {PROPOSAL_OUTCOMES[p.status]}
                  {p.ratifiedBy ? ` (ratified by ${p.ratifiedBy.name})` : ''}.{' '}
                  {p.tally.endorsements} endorsed, {plural(p.tally.objections, 'objection')}.
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-labelledby="history-title">
        <Subtitle1 as="h3" className={headings.root} id="history-title">
          History
        </Subtitle1>
        <ol className={styles.history} data-testid="history">
          {a.history.map((e, i) => (
            <li key={i}>
              <Text>
                {formatDateTime(e.at, locale)}: {eventText(e, locale)}
              </Text>
            </li>
          ))}
        </ol>
      </section>

      <LazyConfirmDialog
        open={retiring}
        title="Propose retiring this agreement?"
        confirmLabel="Propose retiring it"
        onConfirm={proposeRetire}
        onClose={() => setRetiring(false)}
      >
        <Text as="p">
          The team decides, like any proposal. If they agree, “{a.title}” stays on record as retired
          and is no longer in effect.
        </Text>
        <Field label="Why retire it? (optional)" hint={`Up to ${MAX_NOTE} characters.`}>
          <Textarea
            value={retireNote}
            maxLength={MAX_NOTE}
            resize="vertical"
            onChange={(_, d) => setRetireNote(d.value)}
          />
        </Field>
      </LazyConfirmDialog>
    </div>
  );
}

function BackLink({ onBack }: { onBack: () => void }) {
  return (
    <Link
      href={agreementHref(undefined)}
      onClick={(e) => {
        e.preventDefault();
        onBack();
      }}
    >
      ← All agreements
    </Link>
  );
}
