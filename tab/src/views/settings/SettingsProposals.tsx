import {
  Badge,
  Caption1,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useId } from 'react';
import { teamPath } from '../../api';
import { formatDateTime, formatRelative } from '../../dates';
import { useSession } from '../../session-context';
import type {
  CheckinSettings,
  SettingsProposal,
} from '../../../../bot/src/features/checkins/checkin-schemas';
import { useAction } from '../../use-action';
import { describeChange } from './settings-format';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  changes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const STATUS = {
  open: { label: 'Open for votes', color: 'brand' },
  adopted: { label: 'Adopted', color: 'success' },
  rejected: { label: 'Not adopted', color: 'subtle' },
} as const;

interface Props {
  teamId: string;
  proposal: SettingsProposal;
  current: CheckinSettings;
  onVoted: (proposal: SettingsProposal) => void;
}

/** One proposed change to the check-ins: what it changes, the tally, the deadline, the vote. */
export function SettingsProposalCard({ teamId, proposal: p, current, onVoted }: Props) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const action = useAction();
  const headingId = useId();
  const open = p.status === 'open';

  const vote = async (approve: boolean) => {
    const result = await action.run(approve ? 'approve' : 'reject', () =>
      api.send<SettingsProposal>(
        'POST',
        teamPath(teamId, `/checkin/proposals/${encodeURIComponent(p.id)}/votes`),
        { approve },
      ),
    );
    if (result) onVoted(result);
  };

  return (
    <Card
      className={styles.card}
      role="article"
      aria-labelledby={headingId}
      data-testid="settings-proposal"
    >
      <div className={styles.header}>
        <Subtitle2 as="h4" className={headings.root} id={headingId}>
          Proposed change, {formatDateTime(p.createdAt, locale)}
        </Subtitle2>
        <Badge appearance="tint" color={STATUS[p.status].color} data-testid="proposal-status">
          {STATUS[p.status].label}
        </Badge>
      </div>
      <ul className={styles.changes} aria-label="What it changes">
        {describeChange(current, p.change, locale).map((line, i) => (
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
      <Caption1 className={styles.muted}>How the team decides: {p.rule}</Caption1>
      {action.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Your vote was not counted</MessageBarTitle>
            {action.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {open && (
        <div className={styles.actions} role="group" aria-label="Your vote">
          <ToggleButton
            checked={p.myVote === 'approve'}
            appearance={p.myVote === 'approve' ? 'primary' : 'secondary'}
            onClick={() => void vote(true)}
            disabled={action.busy !== undefined}
            icon={action.busy === 'approve' ? <Spinner size="tiny" /> : undefined}
          >
            Approve
          </ToggleButton>
          <ToggleButton
            checked={p.myVote === 'reject'}
            appearance={p.myVote === 'reject' ? 'primary' : 'secondary'}
            onClick={() => void vote(false)}
            disabled={action.busy !== undefined}
            icon={action.busy === 'reject' ? <Spinner size="tiny" /> : undefined}
          >
            Reject
          </ToggleButton>
        </div>
      )}
    </Card>
  );
}
