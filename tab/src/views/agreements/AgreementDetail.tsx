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
import { formatDateTime, formatLocalDate } from '../../dates';
import { useT, type MessageId, type Translate } from '../../i18n/use-t';
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
import { focusSoon } from '../../focus';
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

function eventText(e: AgreementEvent, locale: string, t: Translate): string {
  const name = e.by?.name ?? t('tab.agreements.history.someone');
  const version = e.version;
  switch (e.kind) {
    case 'proposed':
      return t('tab.agreements.history.proposed', { name });
    case 'change-proposed':
      return t('tab.agreements.history.changeProposed', { name });
    case 'retire-proposed':
      return t('tab.agreements.history.retireProposed', { name });
    case 'adopted':
      return e.by
        ? t('tab.agreements.history.ratified', { name, version })
        : t('tab.agreements.history.adopted', { version });
    case 'changed':
      return e.by
        ? t('tab.agreements.history.ratifiedChange', { name, version })
        : t('tab.agreements.history.adoptedChange', { version });
    case 'retired':
      return e.by
        ? t('tab.agreements.history.ratifiedRetire', { name })
        : t('tab.agreements.history.retired');
    case 'not-adopted':
      return t('tab.agreements.history.notAdopted');
    case 'superseded':
      return t('tab.agreements.history.superseded');
    case 'kept':
      return e.reviewOn
        ? t('tab.agreements.history.keptNext', {
            name,
            date: formatLocalDate(e.reviewOn, locale),
          })
        : t('tab.agreements.history.kept', { name });
  }
}

const PROPOSAL_OUTCOMES: Record<AgreementProposal['status'], MessageId> = {
  open: 'tab.agreements.past.open',
  adopted: 'tab.agreements.past.adopted',
  rejected: 'tab.agreements.past.rejected',
  superseded: 'tab.agreements.past.superseded',
};

/** One agreement: its wording, open proposal, actions, every version with its diff, history. */
export function AgreementDetailView({ agreementId }: { agreementId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const t = useT();
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
    title: t('tab.agreements.retire.title'),
    confirmLabel: t('tab.agreements.retire.confirm'),
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
      const outcome = outcomeText(result, t);
      setNotice(outcome);
      announce(outcome ? `${message} ${outcome}` : message);
      if (proposal.status !== 'open') {
        refresh();
        focusSoon(() => heading.current);
      } else focusSoon(proposalHeadingId);
    },
    [change, announce, refresh, proposalHeadingId, t],
  );

  if (detail.status === 'loading')
    return <LoadingCards count={2} label={t('tab.agreements.detail.loading')} />;
  if (detail.status === 'error')
    return (
      <div className={layout.columnL}>
        <BackLink onBack={() => open(undefined)} />
        <h2 className={mergeClasses(headings.view, layout.grow)} id="agreements-title">
          {t('tab.agreements.detail.title')}
        </h2>
        {detail.error.status === 404 && detail.error.code === 'AGREEMENT_NOT_FOUND' ? (
          <EmptyState
            title={t('tab.agreements.detail.notFound')}
            action={
              <Button onClick={() => open(undefined)}>{t('tab.agreements.detail.seeAll')}</Button>
            }
          >
            {detail.error.message} {t('tab.agreements.detail.notFoundBody')}
          </EmptyState>
        ) : (
          <ErrorState
            title={t('tab.agreements.detail.loadFailed')}
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
    onResult(result, t('tab.agreements.change.proposed'));
  };

  const proposeRetire = async () => {
    const note = retireNote.trim();
    const result = await api.send<ProposalWithAgreement>('POST', `${path}/proposals`, {
      kind: 'retire',
      ...(note ? { note } : {}),
    });
    setRetireNote('');
    onResult(result, t('tab.agreements.retire.proposed'));
  };

  const keep = async () => {
    const kept = await action.run('keep', () => keepAgreement(api, teamId, a.id, a.reviewOn));
    if (!kept) return;
    const message = keptText(kept.reviewOn, locale, t);
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
      ? t('tab.agreements.checkin.added', { question: result.question.text })
      : t('tab.agreements.checkin.already', { question: result.question.text });
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
          <dt className={layout.term}>{t('tab.agreements.form.category')}</dt>
          <dd className={layout.definition}>{categoryLabel(a.category, t)}</dd>
          <dt className={layout.term}>{t('tab.agreements.detail.proposedBy')}</dt>
          <dd className={layout.definition}>
            {t('tab.agreements.detail.proposedByValue', {
              name: a.createdBy.name,
              date: formatDateTime(a.createdAt, locale),
            })}
          </dd>
          {a.adoptedAt && (
            <>
              <dt className={layout.term}>{t('tab.agreements.detail.inEffectSince')}</dt>
              <dd className={layout.definition}>
                {t('tab.agreements.detail.inEffectSinceValue', {
                  date: formatDateTime(a.adoptedAt, locale),
                  version: a.version,
                })}
              </dd>
            </>
          )}
          {a.status === 'active' && a.reviewOn && (
            <>
              <dt className={layout.term}>{t('tab.agreements.detail.nextReview')}</dt>
              <dd className={layout.definition}>
                {timeZone
                  ? t('tab.agreements.detail.nextReviewInZone', {
                      date: formatLocalDate(a.reviewOn, locale),
                      timeZone,
                    })
                  : t('tab.agreements.detail.nextReviewValue', {
                      date: formatLocalDate(a.reviewOn, locale),
                    })}
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
            {review.due ? t('tab.agreements.stillKeeping') : t('tab.agreements.change.heading')}
          </Subtitle1>
          <Text className={layout.muted}>
            {proposalOpen
              ? t('tab.agreements.change.proposalOpen')
              : t('tab.agreements.change.howItWorks')}
          </Text>
          {action.error && !changing && (
            <ErrorState title={t('tab.agreements.actionFailed')} error={action.error} />
          )}
          {changing ? (
            <AgreementForm
              initial={{ title: a.title, text: a.text, category: a.category }}
              label={t('tab.agreements.change.propose')}
              focusTitle
              submitLabel={t('tab.agreements.change.submit')}
              noteLabel={t('tab.agreements.change.note')}
              noteHint={t('tab.agreements.form.noteHint', { max: MAX_NOTE })}
              busy={action.busy !== undefined}
              error={action.error}
              errorTitle={t('tab.agreements.change.failed')}
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
                  {t('tab.agreements.keepIt')}
                </Button>
              )}
              <Button
                onClick={() => {
                  action.clearError();
                  setChanging(true);
                }}
                disabled={!canPropose || action.busy !== undefined}
              >
                {t('tab.agreements.change.propose')}
              </Button>
              <Button
                onClick={() => retiring.ask()}
                disabled={!canPropose || action.busy !== undefined}
              >
                {t('tab.agreements.retire.confirm')}
              </Button>
              {isLead && (
                <Button
                  onClick={() => void toCheckin()}
                  disabled={action.busy !== undefined}
                  icon={action.busy === 'checkin' ? <Spinner size="tiny" /> : undefined}
                >
                  {t('tab.agreements.checkin.turnInto')}
                </Button>
              )}
            </div>
          )}
        </section>
      )}

      <Section id="versions-title" title={t('tab.agreements.versions')}>
        {versions.length === 0 ? (
          <Text className={layout.muted}>{t('tab.agreements.noVersion')}</Text>
        ) : (
          <ol className={layout.cards} data-testid="versions">
            {versions.map((v) => (
              <li key={v.version} className={styles.version} data-testid="version">
                <Subtitle2 as="h4" className={headings.root}>
                  {t('tab.agreements.version', { version: v.version })}
                </Subtitle2>
                <Caption1 className={layout.muted}>
                  {v.decidedBy.kind === 'lead'
                    ? t('tab.agreements.versionFactsLead', {
                        date: formatDateTime(v.adoptedAt, locale),
                        name: v.proposedBy.name,
                        lead: v.decidedBy.lead.name,
                      })
                    : t('tab.agreements.versionFactsTeam', {
                        date: formatDateTime(v.adoptedAt, locale),
                        name: v.proposedBy.name,
                      })}
                </Caption1>
                {v.diff ? (
                  <>
                    <Text>{t('tab.agreements.changesFrom', { version: v.version - 1 })}</Text>
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
        <Section id="past-proposals-title" title={t('tab.agreements.past.title')}>
          <ul className={layout.lines}>
            {past.map((p) => (
              <li key={p.id}>
                <Text>
                  {t(
                    p.ratifiedBy ? 'tab.agreements.past.itemRatified' : 'tab.agreements.past.item',
                    {
                      heading: proposalHeading(p, t),
                      date: formatDateTime(p.createdAt, locale),
                      outcome: t(PROPOSAL_OUTCOMES[p.status]),
                      lead: p.ratifiedBy?.name,
                      endorsements: p.tally.endorsements,
                      objections: p.tally.objections,
                    },
                  )}
                </Text>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="history-title" title={t('tab.agreements.history.title')}>
        <ol className={layout.lines} data-testid="history">
          {a.history.map((e, i) => (
            <li key={i}>
              <Text>
                {t('tab.agreements.history.item', {
                  date: formatDateTime(e.at, locale),
                  event: eventText(e, locale, t),
                })}
              </Text>
            </li>
          ))}
        </ol>
      </Section>

      <LazyConfirmDialog confirmation={retiring} onConfirm={proposeRetire}>
        <Text as="p">{t('tab.agreements.retire.body', { title: a.title })}</Text>
        <Field
          label={t('tab.agreements.retire.note')}
          hint={t('tab.agreements.retire.noteHint', { max: MAX_NOTE })}
        >
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
  const t = useT();
  return (
    <Link
      href={agreementHref(undefined)}
      onClick={(e) => {
        e.preventDefault();
        onBack();
      }}
    >
      {t('tab.agreements.back')}
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
