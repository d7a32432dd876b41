import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { useLayoutStyles } from '../../layout-styles';
import { TRAITS } from '../../traits';
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
    <form className={layout.columnS} onSubmit={create} aria-label="New action">
      <Field label="What will the team do?" required>
        <Input value={title} maxLength={120} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label="Why" required hint="What it answers, in your words (at least 10 characters).">
        <Textarea value={why} maxLength={1000} onChange={(_, d) => setWhy(d.value)} />
      </Field>
      <Field label="Due date" required>
        <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
      <Field label="Trait it should help (optional)">
        <Select value={trait} onChange={(_, d) => setTrait(d.value)}>
          <option value="">None</option>
          {TRAITS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={layout.rowS}>
        <Button type="submit" appearance="primary" disabled={!!creating.busy}>
          {commentIds.length
            ? `Add the action (answers ${commentIds.length} comment${commentIds.length === 1 ? '' : 's'})`
            : 'Add the action'}
        </Button>
      </div>
      {creating.error && <FormError title="The action was not added" error={creating.error} />}
    </form>
  );
}
