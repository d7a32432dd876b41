import { Badge, Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useId, useState, type MouseEvent } from 'react';
import { ArticleCard } from '../../components/ArticleCard';
import { ErrorState } from '../../components/ErrorState';
import { formatLocalDate } from '../../dates';
import { SuccessNote } from '../../components/SuccessNote';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session-context';
import type {
  AgreementSummary,
  ProposalWithAgreement,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useAction } from '../../use-action';
import {
  afterAction,
  keepAgreement,
  keptText,
  outcomeText,
  reviewBadgeText,
  reviewState,
  statusLabel,
} from './agreement-format';
import { agreementHref, useAgreements } from './agreements-context';
import { focusSoon } from '../../focus';
import { AgreementText } from './AgreementText';
import { ProposalPanel } from './ProposalPanel';

const useStyles = makeStyles({
  card: { width: '100%', gap: tokens.spacingVerticalM },
  title: { flexGrow: 1, minWidth: '200px', ':focus': { outlineStyle: 'none' } },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export const STATUS_COLORS = {
  active: 'success',
  proposed: 'brand',
  retired: 'subtle',
  declined: 'subtle',
} as const;

/** Status, version and review badges, shared by the card and the detail page. */
export function AgreementBadges({ agreement }: { agreement: AgreementSummary }) {
  const { today, timeZone } = useAgreements();
  const { locale } = useSession();
  const t = useT();
  const review = reviewState(agreement, today);
  return (
    <>
      <Badge appearance="tint" color={STATUS_COLORS[agreement.status]} data-testid="status">
        {statusLabel(agreement.status, t)}
      </Badge>
      {agreement.version > 1 && (
        <Badge appearance="outline" color="informative">
          {t('tab.agreements.version', { version: agreement.version })}
        </Badge>
      )}
      {review.due && (
        <Badge
          appearance="filled"
          color={review.overdue ? 'danger' : 'warning'}
          data-testid="review-due"
          title={
            timeZone
              ? t('tab.agreements.review.dateInZone', {
                  date: formatLocalDate(review.reviewOn, locale),
                  timeZone,
                })
              : t('tab.agreements.review.date', { date: formatLocalDate(review.reviewOn, locale) })
          }
        >
          {reviewBadgeText(review, t)}
        </Badge>
      )}
    </>
  );
}

interface Props {
  agreement: AgreementSummary;
  onChange: (agreement: AgreementSummary) => void;
}

/** One agreement in the list: its wording, badges, open proposal and the review's "Keep". */
export function AgreementCard({ agreement: a, onChange }: Props) {
  const styles = useStyles();
  const { api, locale } = useSession();
  const t = useT();
  const { teamId, today, announce, open } = useAgreements();
  const headingId = useId();
  const panelHeadingId = useId();
  const [notice, setNotice] = useState<string>();
  const keep = useAction();
  const review = reviewState(a, today);

  const onResult = (result: ProposalWithAgreement, message: string) => {
    const outcome = outcomeText(result, t);
    onChange(afterAction(result));
    setNotice(outcome);
    announce(outcome ? `${message} ${outcome}` : message);
    focusSoon(outcome ? headingId : panelHeadingId);
  };

  const keepIt = async () => {
    const kept = await keep.run('keep', () => keepAgreement(api, teamId, a.id, a.reviewOn));
    if (!kept) return;
    const message = keptText(kept.reviewOn, locale, t);
    onChange({ ...kept, openProposal: a.openProposal });
    setNotice(message);
    announce(message);
    focusSoon(headingId);
  };

  const follow = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    open(a.id);
  };

  return (
    <ArticleCard
      className={styles.card}
      data-testid="agreement-card"
      data-status={a.status}
      title={
        <Link href={agreementHref(a.id)} onClick={follow}>
          {a.title}
        </Link>
      }
      heading={{ id: headingId, className: styles.title, tabIndex: -1 }}
      badges={<AgreementBadges agreement={a} />}
    >
      <AgreementText text={a.text} />
      {notice && <SuccessNote>{notice}</SuccessNote>}
      {a.openProposal && (
        <ProposalPanel
          agreement={a}
          proposal={a.openProposal}
          headingLevel="h5"
          headingId={panelHeadingId}
          onResult={onResult}
        />
      )}
      {keep.error && <ErrorState title={t('tab.agreements.keepFailed')} error={keep.error} />}
      {review.due && (
        <div className={styles.footer}>
          <Button
            onClick={() => void keepIt()}
            disabled={keep.busy !== undefined}
            icon={keep.busy ? <Spinner size="tiny" /> : undefined}
            aria-label={t('tab.agreements.keepItFor', { title: a.title })}
          >
            {t('tab.agreements.keepIt')}
          </Button>
          <Link
            href={agreementHref(a.id)}
            onClick={follow}
            aria-label={t('tab.agreements.changeOrRetireFor', { title: a.title })}
          >
            {t('tab.agreements.changeOrRetire')}
          </Link>
        </div>
      )}
    </ArticleCard>
  );
}
