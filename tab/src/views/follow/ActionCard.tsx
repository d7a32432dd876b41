import { useT } from '../../i18n/use-t';
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
import type { ActionView } from '../../../../bot/src/features/follow-through/follow-schemas';

const STATUS = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** What the team learnt from "did it help?", in words. */
function checkBackText(a: ActionView, locale: string): string | undefined {
  const c = a.checkBack;
  if (!c) return undefined;
  if (c.status === 'asked') return 'The current check-in asks whether it helped.';
  if (c.status === 'insufficient') return c.reason;
  return `Did it help? ${formatAverage(c.average, locale)} of 5 (${c.answers} answers).`;
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
  const checkBack = checkBackText(a, locale);

  return (
    <Card aria-labelledby={labelId} data-testid="follow-action">
      <Subtitle2 as="h4" id={labelId}>
        {a.title}
      </Subtitle2>
      <Body1 className={layout.writtenText}>{a.why}</Body1>
      <div className={layout.rowS}>
        <Badge appearance="tint">{STATUS[a.status]}</Badge>
        {a.trait && <Badge appearance="outline">{traitLabel(a.trait, t)}</Badge>}
        <Caption1>Due {formatDate(`${a.dueDate}T12:00:00Z`, locale)}</Caption1>
        <Caption1>
          {a.owner ? `Owner: ${a.owner.mine ? 'you' : a.owner.name}` : 'No owner yet'}
        </Caption1>
        {a.commentIds.length > 0 && (
          <Caption1>
            Answers {a.commentIds.length} comment{a.commentIds.length === 1 ? '' : 's'}
          </Caption1>
        )}
      </div>
      {a.reason && <Body1>Dropped because: {a.reason}</Body1>}
      {checkBack && <Body1>{checkBack}</Body1>}
      <div className={layout.rowS}>
        {open && !a.owner && (
          <Button
            onClick={() => change('own', { status: a.status, ownerAadObjectId: me.aadObjectId })}
          >
            I’ll own it
          </Button>
        )}
        {open && a.owner?.mine && (
          <Button onClick={() => change('step-down', { status: a.status, ownerAadObjectId: null })}>
            Step down as owner
          </Button>
        )}
        {a.status === 'planned' && (
          <Button onClick={() => change('start', { status: 'in-progress' })}>Start</Button>
        )}
        {open && (
          <Button appearance="primary" onClick={() => change('done', { status: 'done' })}>
            Mark done
          </Button>
        )}
        {!a.agreementId && (
          <Button onClick={() => void acting.run('agreement', onPropose)}>
            Propose as a working agreement
          </Button>
        )}
      </div>
      {a.agreementId && <Caption1>Proposed as a working agreement.</Caption1>}
      {open && (
        <div className={layout.rowS}>
          <Field label="Why drop it?">
            <Input value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button
            disabled={reason.trim().length < 3}
            onClick={() => change('drop', { status: 'dropped', reason })}
          >
            Drop
          </Button>
        </div>
      )}
      {acting.error && <FormError title="The action was not changed" error={acting.error} />}
    </Card>
  );
}
