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
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/use-t';
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
  const t = useT();
  const recipients = joinNames(
    r.recipients.map((p) => p.name),
    locale,
  );
  const tag = r.tag.kind === 'trait' ? traitLabel(r.tag.id, t) : (r.tag.label ?? r.tag.id);
  const cited = r.agreement;
  return (
    <Card
      role="article"
      aria-label={t('tab.wall.cardLabel', { sender: r.sender.name, recipients })}
      data-testid="recognition-card"
    >
      <CardHeader
        image={<Avatar name={r.sender.name} size={32} aria-hidden="true" />}
        header={
          <Text>
            <FormattedMessage
              id="tab.wall.recognized"
              values={{
                sender: r.sender.name,
                recipients,
                b: (chunks) => <Text weight="semibold">{chunks}</Text>,
              }}
            />
          </Text>
        }
        description={<Caption1>{formatDate(r.createdAt, locale)}</Caption1>}
      />
      <Body1 className={layout.writtenText}>{r.message}</Body1>
      {cited && (
        <Caption1>
          <FormattedMessage
            id="tab.wall.livingAgreement"
            values={{
              title: cited.title,
              link: (chunks) => (
                <Link
                  href={agreementAddress(cited.id)}
                  onClick={(event) => openAgreement(event, cited.id)}
                >
                  {chunks}
                </Link>
              ),
            }}
          />
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
            aria-label={t('tab.wall.deleteLabel', { recipients })}
          >
            {t('tab.common.delete')}
          </Button>
        )}
      </div>
    </Card>
  );
}
