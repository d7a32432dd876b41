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
import { useT } from '../../i18n/use-t';
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
  open: { label: 'Open for votes', color: 'brand' },
  adopted: { label: 'Adopted', color: 'success' },
  rejected: { label: 'Not adopted', color: 'subtle' },
} as const;

type Vote = NonNullable<SettingsProposal['myVote']>;

const VOTES: readonly { vote: Vote; label: string }[] = [
  { vote: 'approve', label: 'Approve' },
  { vote: 'reject', label: 'Reject' },
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
      title={`Proposed change, ${formatDateTime(p.createdAt, locale)}`}
      badges={
        <Badge appearance="tint" color={STATUS[p.status].color} data-testid="proposal-status">
          {STATUS[p.status].label}
        </Badge>
      }
    >
      <ul className={layout.lines} aria-label="What it changes">
        {describeChange(current, p.change, locale, t).map((line, i) => (
          <li key={i}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
      <Text data-testid="proposal-tally">
        {p.approvals} approve · {p.rejections} reject
        {p.myVote ? ` · You ${p.myVote === 'approve' ? 'approved' : 'rejected'} it` : ''}
      </Text>
      <Text>
        {open ? 'Voting closes' : 'Voting closed'} {formatDateTime(p.closesAt, locale)} (
        {formatRelative(p.closesAt, locale)})
      </Text>
      <Caption1 className={layout.muted}>How the team decides: {p.rule}</Caption1>
      {action.error && <FormError title="Your vote was not counted" error={action.error} />}
      {open && (
        <div className={layout.rowS} role="group" aria-label="Your vote">
          {VOTES.map(({ vote: choice, label }) => (
            <ToggleButton
              key={choice}
              checked={p.myVote === choice}
              appearance={p.myVote === choice ? 'primary' : 'secondary'}
              onClick={() => void vote(choice)}
              disabled={action.busy !== undefined}
              icon={action.busy === choice ? <Spinner size="tiny" /> : undefined}
            >
              {label}
            </ToggleButton>
          ))}
        </div>
      )}
    </ArticleCard>
  );
}
