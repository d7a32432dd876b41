import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { useLayoutStyles } from '../../layout-styles';
import { traitOptions } from '../../traits';
import { useT } from '../../i18n/use-t';
import { useAction } from '../../use-action';

export interface NewAction {
  title: string;
  why: string;
  dueDate: string;
  trait?: string;
  commentIds: string[];
}

/** Turns the chosen comments (or a trait) into an action; it starts planned, with no owner. */
export function NewActionForm({
  commentIds,
  onCreate,
}: {
  commentIds: string[];
  onCreate(action: NewAction): Promise<void>;
}) {
  const layout = useLayoutStyles();
  const t = useT();
  const creating = useAction();
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [trait, setTrait] = useState('');

  const create = (event: FormEvent) => {
    event.preventDefault();
    void creating.run('create', async () => {
      await onCreate({ title, why, dueDate, commentIds, ...(trait ? { trait } : {}) });
      setTitle('');
      setWhy('');
      setDueDate('');
      setTrait('');
    });
  };

  return (
    <form className={layout.columnS} onSubmit={create} aria-label={t('tab.follow.newAction')}>
      <Field label={t('tab.follow.whatLabel')} required>
        <Input value={title} maxLength={120} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t('tab.follow.why')} required hint={t('tab.follow.whyHint')}>
        <Textarea value={why} maxLength={1000} onChange={(_, d) => setWhy(d.value)} />
      </Field>
      <Field label={t('tab.follow.dueDate')} required>
        <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
      <Field label={t('tab.follow.trait')}>
        <Select value={trait} onChange={(_, d) => setTrait(d.value)}>
          <option value="">{t('tab.follow.noTrait')}</option>
          {traitOptions(t).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={layout.rowS}>
        <Button type="submit" appearance="primary" disabled={!!creating.busy}>
          {commentIds.length
            ? t('tab.follow.addAnswering', { count: commentIds.length })
            : t('tab.follow.add')}
        </Button>
      </div>
      {creating.error && (
        <FormError title={t('tab.follow.actionNotAdded')} error={creating.error} />
      )}
    </form>
  );
}
