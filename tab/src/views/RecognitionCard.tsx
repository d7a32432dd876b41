import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { formatDate, joinNames } from '../format';
import { traitLabel } from '../traits';
import type { Recognition } from '../types';

const useStyles = makeStyles({
  card: { width: '100%' },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  spacer: { flexGrow: 1 },
});

interface Props {
  recognition: Recognition;
  locale: string;
  /** Present when the signed-in person gave this recognition. */
  onDelete?: (recognition: Recognition) => void;
}

/** One recognition: who thanked whom, for which trait or value, and why. */
export function RecognitionCard({ recognition: r, locale, onDelete }: Props) {
  const styles = useStyles();
  const recipients = joinNames(r.recipients.map((p) => p.name));
  const tag = r.tag.kind === 'trait' ? traitLabel(r.tag.id) : (r.tag.label ?? r.tag.id);
  return (
    <Card
      className={styles.card}
      role="article"
      aria-label={`${r.sender.name} recognized ${recipients}`}
      data-testid="recognition-card"
    >
      <CardHeader
        image={<Avatar name={r.sender.name} size={32} aria-hidden="true" />}
        header={
          <Text>
            <Text weight="semibold">{r.sender.name}</Text> recognized{' '}
            <Text weight="semibold">{recipients}</Text>
          </Text>
        }
        description={<Caption1>{formatDate(r.createdAt, locale)}</Caption1>}
      />
      <Body1 className={styles.message}>{r.message}</Body1>
      <div className={styles.footer}>
        <Badge appearance="tint" color={r.tag.kind === 'trait' ? 'brand' : 'informative'}>
          {tag}
        </Badge>
        <span className={styles.spacer} />
        {onDelete && (
          <Button
            appearance="subtle"
            size="small"
            onClick={() => onDelete(r)}
            aria-label={`Delete your recognition of ${recipients}`}
          >
            Delete
          </Button>
        )}
      </div>
    </Card>
  );
}
