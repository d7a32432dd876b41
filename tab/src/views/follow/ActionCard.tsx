import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Subtitle2,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { formatAverage, formatDate } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { traitLabel } from '../../traits';
import { useAction } from '../../use-action';
import { useT, type MessageId, type Translate } from '../../i18n/use-t';
import type { ActionView } from '../../../../bot/src/features/follow-through/follow-schemas';

const STATUS: Record<ActionView['status'], MessageId> = {
  planned: 'tab.follow.statusPlanned',
  'in-progress': 'tab.follow.statusInProgress',
  done: 'tab.follow.statusDone',
  dropped: 'tab.follow.statusDropped',
};

/** What the team learnt from "did it help?", in words (the server's reason as it comes). */
function checkBackText(a: ActionView, locale: string, t: Translate): string | undefined {
  const c = a.checkBack;
  if (!c) return undefined;
  if (c.status === 'asked') return t('tab.follow.checkBackAsked');
  if (c.status === 'insufficient') return c.reason;
  return t('tab.follow.checkBackResult', {
    average: formatAverage(c.average, locale),
    answers: c.answers,
  });
}

interface Props {
  action: ActionView;
  onChange(change: {
    status: ActionView['status'];
    reason?: string;
    ownerAadObjectId?: string | null;
  }): Promise<void>;
  onPropose(): Promise<void>;
}

/** One action: its owner who volunteered, its status moving forward, and "did it help?". */
export function ActionCard({ action: a, onChange, onPropose }: Props) {
  const layout = useLayoutStyles();
  const t = useT();
  const { me, locale } = useSession();
  const acting = useAction();
  const [reason, setReason] = useState('');
  const open = a.status === 'planned' || a.status === 'in-progress';
  const change = (name: string, body: Parameters<Props['onChange']>[0]) =>
    void acting.run(name, () => onChange(body));
  const labelId = `action-${a.id}`;
  const checkBack = checkBackText(a, locale, t);

  return (
    <Card aria-labelledby={labelId} data-testid="follow-action">
      <Subtitle2 as="h4" id={labelId}>
        {a.title}
      </Subtitle2>
      <Body1 className={layout.writtenText}>{a.why}</Body1>
      <div className={layout.rowS}>
        <Badge appearance="tint">{t(STATUS[a.status])}</Badge>
        {a.trait && <Badge appearance="outline">{traitLabel(a.trait, t)}</Badge>}
        <Caption1>
          {t('tab.follow.due', { date: formatDate(`${a.dueDate}T12:00:00Z`, locale) })}
        </Caption1>
        <Caption1>
          {a.owner
            ? a.owner.mine
              ? t('tab.follow.ownerYou')
              : t('tab.follow.owner', { name: a.owner.name })
            : t('tab.follow.noOwner')}
        </Caption1>
        {a.commentIds.length > 0 && (
          <Caption1>{t('tab.follow.answersComments', { count: a.commentIds.length })}</Caption1>
        )}
      </div>
      {a.reason && <Body1>{t('tab.follow.droppedBecause', { reason: a.reason })}</Body1>}
      {checkBack && <Body1>{checkBack}</Body1>}
      <div className={layout.rowS}>
        {open && !a.owner && (
          <Button
            onClick={() => change('own', { status: a.status, ownerAadObjectId: me.aadObjectId })}
          >
            {t('tab.follow.own')}
          </Button>
        )}
        {open && a.owner?.mine && (
          <Button onClick={() => change('step-down', { status: a.status, ownerAadObjectId: null })}>
            {t('tab.follow.stepDown')}
          </Button>
        )}
        {a.status === 'planned' && (
          <Button onClick={() => change('start', { status: 'in-progress' })}>
            {t('tab.follow.start')}
          </Button>
        )}
        {open && (
          <Button appearance="primary" onClick={() => change('done', { status: 'done' })}>
            {t('tab.follow.markDone')}
          </Button>
        )}
        {!a.agreementId && (
          <Button onClick={() => void acting.run('agreement', onPropose)}>
            {t('tab.follow.propose')}
          </Button>
        )}
      </div>
      {a.agreementId && <Caption1>{t('tab.follow.proposed')}</Caption1>}
      {open && (
        <div className={layout.rowS}>
          <Field label={t('tab.follow.whyDrop')}>
            <Input value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button
            disabled={reason.trim().length < 3}
            onClick={() => change('drop', { status: 'dropped', reason })}
          >
            {t('tab.follow.drop')}
          </Button>
        </div>
      )}
      {acting.error && <FormError title={t('tab.follow.actionNotChanged')} error={acting.error} />}
    </Card>
  );
}
