import {
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LazyConfirmDialog, useConfirmation } from '../../components/LazyConfirmDialog';
import { LoadingCards } from '../../components/LoadingCards';
import { formatDateTime, formatLocalDate, plural } from '../../dates';
import { SuccessNote } from '../../components/SuccessNote';
import { useLayoutStyles } from '../../layout-styles';
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
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
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
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const { teamId, today, timeZone, isLead, announce, open } = useAgreements();
  const path = teamPath(teamId, `/agreements/${encodeURIComponent(agreementId)}`);
  const load = useCallback(
    (signal: AbortSignal) => api.get<AgreementDetail>(path, signal),
    [api, path],
  );
  const [detail, change] = useResource(load);
  const heading = useRef<HTMLHeadingElement>(null);
  const [changing, setChanging] = useState(false);
  const retiring = useConfirmation({
    title: 'Propose retiring this agreement?',
    confirmLabel: 'Propose retiring it',
  });
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
      <div className={layout.columnL}>
        <BackLink onBack={() => open(undefined)} />
        <h2 className={mergeClasses(headings.view, layout.grow)} id="agreements-title">
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
            onRetry={detail.retry}
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
    <div className={layout.columnL} data-testid="agreement-detail">
      <BackLink onBack={() => open(undefined)} />
      <div className={layout.centeredRow}>
        <h2
          className={mergeClasses(headings.view, layout.grow)}
          id="agreements-title"
          ref={heading}
          tabIndex={-1}
        >
          {a.title}
        </h2>
        <AgreementBadges agreement={a} />
      </div>

      <div className={layout.panel}>
        <AgreementText text={a.text} data-testid="agreement-text" />
        <dl className={styles.facts}>
          <dt className={layout.term}>Category</dt>
          <dd className={layout.definition}>{categoryLabel(a.category)}</dd>
          <dt className={layout.term}>Proposed by</dt>
          <dd className={layout.definition}>
            {a.createdBy.name}, {formatDateTime(a.createdAt, locale)}
          </dd>
          {a.adoptedAt && (
            <>
              <dt className={layout.term}>In effect since</dt>
              <dd className={layout.definition}>
                {formatDateTime(a.adoptedAt, locale)} (version {a.version})
              </dd>
            </>
          )}
          {a.status === 'active' && a.reviewOn && (
            <>
              <dt className={layout.term}>Next review</dt>
              <dd className={layout.definition}>
                {formatLocalDate(a.reviewOn, locale)}
                {timeZone ? `, ${timeZone}` : ''}: “Still keeping this?”
              </dd>
            </>
          )}
        </dl>
      </div>

      {notice && <SuccessNote>{notice}</SuccessNote>}

      {a.openProposal && (
        <ProposalPanel
          key={a.openProposal.id}
          agreement={a}
          proposal={a.openProposal}
          headingLevel="h3"
          headingId={proposalHeadingId}
          onResult={onResult}
        />
      )}

      {a.status === 'active' && (
        <section className={layout.columnS} aria-labelledby={actionsId}>
          <Subtitle1 as="h3" className={headings.target} id={actionsId} tabIndex={-1}>
            {review.due ? 'Still keeping this?' : 'Change it'}
          </Subtitle1>
          <Text className={layout.muted}>
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
            <div className={layout.rowM}>
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
                onClick={() => retiring.ask()}
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

      <Section id="versions-title" title="Versions">
        {versions.length === 0 ? (
          <Text className={layout.muted}>
            No version yet: it becomes version 1 when the team adopts it.
          </Text>
        ) : (
          <ol className={layout.cards} data-testid="versions">
            {versions.map((v) => (
              <li key={v.version} className={styles.version} data-testid="version">
                <Subtitle2 as="h4" className={headings.root}>
                  Version {v.version}
                </Subtitle2>
                <Caption1 className={layout.muted}>
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
      </Section>

      {past.length > 0 && (
        <Section id="past-proposals-title" title="Decided proposals">
          <ul className={layout.lines}>
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
        </Section>
      )}

      <Section id="history-title" title="History">
        <ol className={layout.lines} data-testid="history">
          {a.history.map((e, i) => (
            <li key={i}>
              <Text>
                {formatDateTime(e.at, locale)}: {eventText(e, locale)}
              </Text>
            </li>
          ))}
        </ol>
      </Section>

      <LazyConfirmDialog confirmation={retiring} onConfirm={proposeRetire}>
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

/** A part of the page under its own heading, which names it for screen readers. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  return (
    <section className={layout.columnS} aria-labelledby={id}>
      <Subtitle1 as="h3" className={headings.root} id={id}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}
