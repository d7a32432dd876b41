import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  Text,
} from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { formatDate, joinNames } from '../format';
import { useLayoutStyles } from '../layout-styles';
import { traitLabel } from '../traits';
import type { Recognition } from '../../../bot/src/features/recognition/recognition-schemas';
import { updateParams } from '../url-state';

/** The agreements view opened on one agreement, in this team, as a real address. */
function agreementAddress(id: string): string {
  const params = new URLSearchParams(window.location.search);
  params.set('view', 'agreements');
  params.set('agreement', id);
  params.delete('trait');
  params.delete('person');
  return `${window.location.pathname}?${params}`;
}

function openAgreement(event: MouseEvent, id: string): void {
  // A modified click opens a new tab or window, as links do.
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  updateParams(
    { view: 'agreements', agreement: id, trait: undefined, person: undefined },
    { push: true },
  );
}

interface Props {
  recognition: Recognition;
  locale: string;
  /** Present when the signed-in person gave this recognition. */
  onDelete?: (recognition: Recognition) => void;
}

/** One recognition: who thanked whom, for which trait or value, and why. */
export function RecognitionCard({ recognition: r, locale, onDelete }: Props) {
  const layout = useLayoutStyles();
  const recipients = joinNames(r.recipients.map((p) => p.name));
  const tag = r.tag.kind === 'trait' ? traitLabel(r.tag.id) : (r.tag.label ?? r.tag.id);
  const cited = r.agreement;
  return (
    <Card
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
      <Body1 className={layout.writtenText}>{r.message}</Body1>
      {cited && (
        <Caption1>
          Living our agreement:{' '}
          <Link
            href={agreementAddress(cited.id)}
            onClick={(event) => openAgreement(event, cited.id)}
          >
            {cited.title}
          </Link>
        </Caption1>
      )}
      <div className={layout.centeredRow}>
        <Badge appearance="tint" color={r.tag.kind === 'trait' ? 'brand' : 'informative'}>
          {tag}
        </Badge>
        <span className={layout.grow} />
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
