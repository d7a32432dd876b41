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
import { teamPath } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { LazyConfirmDialog, useConfirmation } from '../../components/LazyConfirmDialog';
import { formatDateTime, formatRelative } from '../../dates';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type {
  AgreementProposal,
  AgreementSummary,
  ProposalWithAgreement,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useAction } from '../../use-action';
import { useAgreements } from './agreements-context';
import { nextStepText, PHASE_LABELS, proposalHeading, tallyText } from './agreement-format';
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
  const action = useAction();
  const ownHeadingId = useId();
  const headingId = givenHeadingId ?? ownHeadingId;
  const [objecting, setObjecting] = useState(false);
  const ratifying = useConfirmation({ title: 'Ratify this proposal?', confirmLabel: 'Ratify' });
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
    respond('endorse', '/endorsements', undefined, `You endorsed “${agreementTitle}”.`);

  const submitObjection = async (reason: string) => {
    const result = await respond(
      'object',
      '/objections',
      { reason },
      `You objected to “${agreementTitle}”. Your reason is shown with the proposal.`,
    );
    if (result) setObjecting(false);
    return result;
  };

  const ratify = async () => {
    const result = await api.send<ProposalWithAgreement>('POST', `${base}/ratification`);
    onResult(result, `You ratified the proposal for “${agreementTitle}”.`);
  };

  const closes = `${formatDateTime(p.closesAt, locale)} (${formatRelative(p.closesAt, locale)})`;
  const nextStep = nextStepText(p);

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="proposal">
      <div className={layout.centeredRow}>
        <Subtitle2 as={headingLevel} className={headings.target} id={headingId} tabIndex={-1}>
          {proposalHeading(p)}
        </Subtitle2>
        <Badge appearance="tint" color={voting ? 'brand' : 'warning'} data-testid="phase">
          {PHASE_LABELS[p.phase]}
        </Badge>
      </div>

      {p.note && (
        <Body1 className={layout.writtenText}>
          <Text weight="semibold">Why: </Text>
          {p.note}
        </Body1>
      )}
      {p.kind === 'change' && p.diff && <ContentDiffView diff={p.diff} />}
      {p.kind === 'retire' && (
        <Body1>
          If the team agrees, the agreement is retired: it stays on record, no longer active.
        </Body1>
      )}

      <dl className={styles.facts}>
        <dt className={layout.term}>Responses</dt>
        <dd className={layout.definition} data-testid="tally">
          {tallyText(p)}
        </dd>
        <dt className={layout.term}>{voting ? 'Closes' : 'Closed'}</dt>
        <dd className={layout.definition} data-testid="deadline">
          {closes}
        </dd>
        <dt className={layout.term}>Your response</dt>
        <dd className={layout.definition} data-testid="my-response">
          {p.myResponse === 'endorse'
            ? 'You endorsed it.'
            : p.myResponse === 'object'
              ? 'You objected.'
              : voting
                ? 'You have not responded yet.'
                : 'You did not respond.'}
        </dd>
      </dl>
      {nextStep && <Text>{nextStep}</Text>}
      <Caption1 className={layout.muted} data-testid="rule">
        How the team decides: {p.rule}
      </Caption1>

      {action.error && <ErrorState title="That did not work" error={action.error} />}

      {decidable && (voting || p.canRatify) && (
        <div className={layout.rowS} role="group" aria-label="Your response">
          {voting && p.myResponse !== 'endorse' && (
            <Button
              appearance="primary"
              onClick={() => void endorse()}
              disabled={action.busy !== undefined}
              icon={action.busy === 'endorse' ? <Spinner size="tiny" /> : undefined}
              aria-label={`${p.myResponse === 'object' ? 'Endorse instead' : 'Endorse'}: ${agreementTitle}`}
            >
              {p.myResponse === 'object' ? 'Endorse instead' : 'Endorse'}
            </Button>
          )}
          {voting && !objecting && (
            <Button
              onClick={() => {
                setObjecting(true);
                action.clearError();
              }}
              disabled={action.busy !== undefined}
              aria-label={`${p.myResponse === 'object' ? 'Give a new reason' : 'Object'}: ${agreementTitle}`}
            >
              {p.myResponse === 'object' ? 'Give a new reason' : 'Object'}
            </Button>
          )}
          {p.canRatify && (
            <Button onClick={() => ratifying.ask()} disabled={action.busy !== undefined}>
              Ratify
            </Button>
          )}
        </div>
      )}

      <ReasonForm
        open={objecting}
        formLabel="Object with a reason"
        label="Why do you object?"
        min={MIN_REASON}
        max={MAX_REASON}
        hint={(length) =>
          `${MIN_REASON}–${MAX_REASON} characters (${length} so far). Say what would make it work for you: someone will answer.`
        }
        submitLabel="Send objection"
        busy={action.busy === 'object'}
        disabled={action.busy !== undefined}
        tooShortMessage={`Give a reason of at least ${MIN_REASON} characters: it tells the team what to change.`}
        onSubmit={submitObjection}
        onCancel={() => setObjecting(false)}
      />

      {p.objections.length > 0 && (
        <ul className={styles.objections} aria-label="Objections">
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
                    `Your answer to ${o.by.name}’s objection was added.`,
                  )
                }
                busy={action.busy}
              />
            </li>
          ))}
        </ul>
      )}

      <LazyConfirmDialog confirmation={ratifying} onConfirm={ratify}>
        <Text as="p">
          {tallyText(p)}. As a lead you can adopt it now that the response window has ended. The
          objections and their reasons stay on the record with your name as the one who ratified it.
        </Text>
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
  const [open, setOpen] = useState(false);

  const submit = async (text: string) => {
    const result = await onAnswer(text);
    if (result) setOpen(false);
    return result;
  };

  return (
    <>
      <Text>
        <Text weight="semibold">{o.by.name}</Text> objected
        {o.withdrawn ? ' (withdrawn)' : o.answered ? ' (answered)' : ' (waiting for an answer)'}:
      </Text>
      <Body1 className={layout.writtenText}>{o.reason}</Body1>
      {o.answers.length > 0 && (
        <ul className={styles.answers} aria-label={`Answers to ${o.by.name}`}>
          {o.answers.map((a) => (
            <li key={a.id}>
              <Text className={layout.writtenText}>
                <Text weight="semibold">{a.by.name}</Text> answered: {a.text}
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
            aria-label={`Answer ${o.by.name}’s objection`}
          >
            Answer
          </Button>
        </div>
      )}
      <ReasonForm
        open={open}
        formLabel={`Answer ${o.by.name}`}
        label={`Your answer to ${o.by.name}`}
        min={MIN_ANSWER}
        max={MAX_ANSWER}
        hint={`Up to ${MAX_ANSWER} characters. An answered objection no longer blocks the proposal.`}
        submitLabel="Send answer"
        size="small"
        busy={busy === `answer-${o.id}`}
        disabled={busy !== undefined}
        tooShortMessage="Write an answer first."
        onSubmit={submit}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
