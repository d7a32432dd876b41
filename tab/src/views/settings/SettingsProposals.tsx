import {
  Badge,
  Caption1,
  makeStyles,
  Spinner,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { teamPath } from '../../api';
import { ArticleCard } from '../../components/ArticleCard';
import { FormError } from '../../components/FormError';
import { formatDateTime, formatRelative } from '../../dates';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT, type MessageId } from '../../i18n/use-t';
import type {
  CheckinSettings,
  SettingsProposal,
} from '../../../../bot/src/features/checkins/checkin-schemas';
import { useAction } from '../../use-action';
import { describeChange } from './settings-format';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
});

const STATUS = {
  open: { label: 'tab.settings.statusOpen', color: 'brand' },
  adopted: { label: 'tab.settings.statusAdopted', color: 'success' },
  rejected: { label: 'tab.settings.statusRejected', color: 'subtle' },
} as const satisfies Record<string, { label: MessageId; color: string }>;

type Vote = NonNullable<SettingsProposal['myVote']>;

const VOTES: readonly { vote: Vote; label: MessageId }[] = [
  { vote: 'approve', label: 'tab.settings.approve' },
  { vote: 'reject', label: 'tab.settings.reject' },
];

interface Props {
  teamId: string;
  proposal: SettingsProposal;
  current: CheckinSettings;
  onVoted: (proposal: SettingsProposal) => void;
}

/** One proposed change to the check-ins: what it changes, the tally, the deadline, the vote. */
export function SettingsProposalCard({ teamId, proposal: p, current, onVoted }: Props) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { api, locale } = useSession();
  const t = useT();
  const action = useAction();
  const open = p.status === 'open';

  const vote = async (choice: Vote) => {
    const approve = choice === 'approve';
    const result = await action.run(choice, () =>
      api.send<SettingsProposal>(
        'POST',
        teamPath(teamId, `/checkin/proposals/${encodeURIComponent(p.id)}/votes`),
        { approve },
      ),
    );
    if (result) onVoted(result);
  };

  return (
    <ArticleCard
      className={styles.card}
      data-testid="settings-proposal"
      title={t('tab.settings.proposedOn', { date: formatDateTime(p.createdAt, locale) })}
      badges={
        <Badge appearance="tint" color={STATUS[p.status].color} data-testid="proposal-status">
          {t(STATUS[p.status].label)}
        </Badge>
      }
    >
      <ul className={layout.lines} aria-label={t('tab.settings.whatItChanges')}>
        {describeChange(current, p.change, locale, t).map((line, i) => (
          <li key={i}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
      <Text data-testid="proposal-tally">
        {t('tab.settings.tally', {
          approvals: p.approvals,
          rejections: p.rejections,
          mine: p.myVote ?? 'none',
        })}
      </Text>
      <Text>
        {t(open ? 'tab.settings.votingCloses' : 'tab.settings.votingClosed', {
          when: formatDateTime(p.closesAt, locale),
          relative: formatRelative(p.closesAt, locale),
        })}
      </Text>
      <Caption1 className={layout.muted}>{t('tab.settings.rule', { rule: p.rule })}</Caption1>
      {action.error && <FormError title={t('tab.settings.voteFailed')} error={action.error} />}
      {open && (
        <div className={layout.rowS} role="group" aria-label={t('tab.settings.yourVote')}>
          {VOTES.map(({ vote: choice, label }) => (
            <ToggleButton
              key={choice}
              checked={p.myVote === choice}
              appearance={p.myVote === choice ? 'primary' : 'secondary'}
              onClick={() => void vote(choice)}
              disabled={action.busy !== undefined}
              icon={action.busy === choice ? <Spinner size="tiny" /> : undefined}
            >
              {t(label)}
            </ToggleButton>
          ))}
        </div>
      )}
    </ArticleCard>
  );
}
