import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { teamPath } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { LazyConfirmDialog, useConfirmation } from '../../components/LazyConfirmDialog';
import { formatDateTime, formatRelative } from '../../dates';
import { useT } from '../../i18n/use-t';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type {
  AgreementProposal,
  AgreementSummary,
  ProposalWithAgreement,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useAction } from '../../use-action';
import { useAgreements } from './agreements-context';
import { nextStepText, phaseLabel, proposalHeading, tallyText } from './agreement-format';
import { ContentDiffView } from './DiffText';
import { ReasonForm } from './ReasonForm';

type ObjectionView = AgreementProposal['objections'][number];

export const MIN_REASON = 5;
export const MAX_REASON = 500;
const MIN_ANSWER = 2;
const MAX_ANSWER = 1000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  objections: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  objection: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorder2}`,
  },
  withdrawn: { borderLeftColor: tokens.colorNeutralStroke2 },
  answers: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

interface Props {
  agreement: Pick<AgreementSummary, 'id' | 'title'>;
  proposal: AgreementProposal;
  /** The heading level of the panel's title (it sits under the agreement's heading). */
  headingLevel: 'h3' | 'h4' | 'h5';
  /** The id of the panel's heading, so that the page can move focus to it. */
  headingId?: string;
  onResult: (result: ProposalWithAgreement, message: string) => void;
}

/**
 * An open proposal: what it changes, the tally, the deadline, the phase and the rule in words,
 * and the member's own response (endorse, object with a reason, answer an objection, ratify).
 */
export function ProposalPanel({
  agreement: { id: agreementId, title: agreementTitle },
  proposal: p,
  headingLevel,
  headingId: givenHeadingId,
  onResult,
}: Props) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, me, locale } = useSession();
  const { teamId } = useAgreements();
  const t = useT();
  const action = useAction();
  const ownHeadingId = useId();
  const headingId = givenHeadingId ?? ownHeadingId;
  const [objecting, setObjecting] = useState(false);
  const ratifying = useConfirmation({
    title: t('tab.agreements.ratify.title'),
    confirmLabel: t('tab.agreements.ratify.confirm'),
  });
  const base = teamPath(
    teamId,
    `/agreements/${encodeURIComponent(agreementId)}/proposals/${encodeURIComponent(p.id)}`,
  );
  const voting = p.phase === 'voting';
  const decidable = p.status === 'open';

  const respond = async (name: string, path: string, body: unknown, message: string) => {
    const result = await action.run(name, () =>
      api.send<ProposalWithAgreement>('POST', `${base}${path}`, body),
    );
    if (result) onResult(result, message);
    return result;
  };

  const endorse = () =>
    respond(
      'endorse',
      '/endorsements',
      undefined,
      t('tab.agreements.respond.endorsed', { title: agreementTitle }),
    );

  const submitObjection = async (reason: string) => {
    const result = await respond(
      'object',
      '/objections',
      { reason },
      t('tab.agreements.respond.objected', { title: agreementTitle }),
    );
    if (result) setObjecting(false);
    return result;
  };

  const ratify = async () => {
    const result = await api.send<ProposalWithAgreement>('POST', `${base}/ratification`);
    onResult(result, t('tab.agreements.respond.ratified', { title: agreementTitle }));
  };

  const closes = t('tab.agreements.proposal.closes', {
    date: formatDateTime(p.closesAt, locale),
    relative: formatRelative(p.closesAt, locale),
  });
  const nextStep = nextStepText(p, t);

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="proposal">
      <div className={layout.centeredRow}>
        <Subtitle2 as={headingLevel} className={headings.target} id={headingId} tabIndex={-1}>
          {proposalHeading(p, t)}
        </Subtitle2>
        <Badge appearance="tint" color={voting ? 'brand' : 'warning'} data-testid="phase">
          {phaseLabel(p.phase, t)}
        </Badge>
      </div>

      {p.note && (
        <Body1 className={layout.writtenText}>
          <Text weight="semibold">{t('tab.agreements.proposal.why')} </Text>
          {p.note}
        </Body1>
      )}
      {p.kind === 'change' && p.diff && <ContentDiffView diff={p.diff} />}
      {p.kind === 'retire' && <Body1>{t('tab.agreements.proposal.retireNote')}</Body1>}

      <dl className={styles.facts}>
        <dt className={layout.term}>{t('tab.agreements.proposal.responses')}</dt>
        <dd className={layout.definition} data-testid="tally">
          {tallyText(p, t)}
        </dd>
        <dt className={layout.term}>
          {voting ? t('tab.agreements.proposal.closesLabel') : t('tab.agreements.proposal.closed')}
        </dt>
        <dd className={layout.definition} data-testid="deadline">
          {closes}
        </dd>
        <dt className={layout.term}>{t('tab.agreements.proposal.yourResponse')}</dt>
        <dd className={layout.definition} data-testid="my-response">
          {p.myResponse === 'endorse'
            ? t('tab.agreements.proposal.youEndorsed')
            : p.myResponse === 'object'
              ? t('tab.agreements.proposal.youObjected')
              : voting
                ? t('tab.agreements.proposal.notYet')
                : t('tab.agreements.proposal.didNotRespond')}
        </dd>
      </dl>
      {nextStep && <Text>{nextStep}</Text>}
      <Caption1 className={layout.muted} data-testid="rule">
        {t('tab.agreements.proposal.rule', { rule: p.rule })}
      </Caption1>

      {action.error && <ErrorState title={t('tab.agreements.actionFailed')} error={action.error} />}

      {decidable && (voting || p.canRatify) && (
        <div
          className={layout.rowS}
          role="group"
          aria-label={t('tab.agreements.proposal.yourResponse')}
        >
          {voting && p.myResponse !== 'endorse' && (
            <Button
              appearance="primary"
              onClick={() => void endorse()}
              disabled={action.busy !== undefined}
              icon={action.busy === 'endorse' ? <Spinner size="tiny" /> : undefined}
              aria-label={t(
                p.myResponse === 'object'
                  ? 'tab.agreements.proposal.endorseInsteadFor'
                  : 'tab.agreements.proposal.endorseFor',
                { title: agreementTitle },
              )}
            >
              {p.myResponse === 'object'
                ? t('tab.agreements.proposal.endorseInstead')
                : t('tab.agreements.proposal.endorse')}
            </Button>
          )}
          {voting && !objecting && (
            <Button
              onClick={() => {
                setObjecting(true);
                action.clearError();
              }}
              disabled={action.busy !== undefined}
              aria-label={t(
                p.myResponse === 'object'
                  ? 'tab.agreements.proposal.newReasonFor'
                  : 'tab.agreements.proposal.objectFor',
                { title: agreementTitle },
              )}
            >
              {p.myResponse === 'object'
                ? t('tab.agreements.proposal.newReason')
                : t('tab.agreements.proposal.object')}
            </Button>
          )}
          {p.canRatify && (
            <Button onClick={() => ratifying.ask()} disabled={action.busy !== undefined}>
              {t('tab.agreements.ratify.confirm')}
            </Button>
          )}
        </div>
      )}

      <ReasonForm
        open={objecting}
        formLabel={t('tab.agreements.object.form')}
        label={t('tab.agreements.object.label')}
        min={MIN_REASON}
        max={MAX_REASON}
        hint={(length) =>
          t('tab.agreements.object.hint', { min: MIN_REASON, max: MAX_REASON, length })
        }
        submitLabel={t('tab.agreements.object.submit')}
        busy={action.busy === 'object'}
        disabled={action.busy !== undefined}
        tooShortMessage={t('tab.agreements.object.tooShort', { min: MIN_REASON })}
        onSubmit={submitObjection}
        onCancel={() => setObjecting(false)}
      />

      {p.objections.length > 0 && (
        <ul className={styles.objections} aria-label={t('tab.agreements.objections')}>
          {p.objections.map((o) => (
            <li
              key={o.id}
              className={mergeClasses(styles.objection, o.withdrawn && styles.withdrawn)}
              data-testid="objection"
            >
              <ObjectionItem
                objection={o}
                canAnswer={decidable && !o.withdrawn && o.by.aadObjectId !== me.aadObjectId}
                onAnswer={(text) =>
                  respond(
                    `answer-${o.id}`,
                    `/objections/${encodeURIComponent(o.id)}/answers`,
                    { text },
                    t('tab.agreements.answer.added', { name: o.by.name }),
                  )
                }
                busy={action.busy}
              />
            </li>
          ))}
        </ul>
      )}

      <LazyConfirmDialog confirmation={ratifying} onConfirm={ratify}>
        <Text as="p">{t('tab.agreements.ratify.body', { tally: tallyText(p, t) })}</Text>
      </LazyConfirmDialog>
    </section>
  );
}

function ObjectionItem({
  objection: o,
  canAnswer,
  onAnswer,
  busy,
}: {
  objection: ObjectionView;
  canAnswer: boolean;
  onAnswer: (text: string) => Promise<unknown>;
  busy: string | undefined;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const [open, setOpen] = useState(false);

  const submit = async (text: string) => {
    const result = await onAnswer(text);
    if (result) setOpen(false);
    return result;
  };

  return (
    <>
      <Text>
        <FormattedMessage
          id={
            o.withdrawn
              ? 'tab.agreements.objection.withdrawn'
              : o.answered
                ? 'tab.agreements.objection.answered'
                : 'tab.agreements.objection.waiting'
          }
          values={{ name: o.by.name, b: (chunks) => <Text weight="semibold">{chunks}</Text> }}
        />
      </Text>
      <Body1 className={layout.writtenText}>{o.reason}</Body1>
      {o.answers.length > 0 && (
        <ul
          className={styles.answers}
          aria-label={t('tab.agreements.answer.list', { name: o.by.name })}
        >
          {o.answers.map((a) => (
            <li key={a.id}>
              <Text className={layout.writtenText}>
                <FormattedMessage
                  id="tab.agreements.answer.item"
                  values={{
                    name: a.by.name,
                    text: a.text,
                    b: (chunks) => <Text weight="semibold">{chunks}</Text>,
                  }}
                />
              </Text>
            </li>
          ))}
        </ul>
      )}
      {canAnswer && !open && (
        <div className={layout.rowS}>
          <Button
            size="small"
            onClick={() => setOpen(true)}
            aria-label={t('tab.agreements.answer.buttonFor', { name: o.by.name })}
          >
            {t('tab.agreements.answer.button')}
          </Button>
        </div>
      )}
      <ReasonForm
        open={open}
        formLabel={t('tab.agreements.answer.form', { name: o.by.name })}
        label={t('tab.agreements.answer.label', { name: o.by.name })}
        min={MIN_ANSWER}
        max={MAX_ANSWER}
        hint={t('tab.agreements.answer.hint', { max: MAX_ANSWER })}
        submitLabel={t('tab.agreements.answer.submit')}
        size="small"
        busy={busy === `answer-${o.id}`}
        disabled={busy !== undefined}
        tooShortMessage={t('tab.agreements.answer.tooShort')}
        onSubmit={submit}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
