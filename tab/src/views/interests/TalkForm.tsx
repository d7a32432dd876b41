import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../components/FormActions';
import { useLayoutStyles } from '../../layout-styles';
import type { NewTalkBody } from '../../../../bot/src/features/interests/interests-schemas';

interface Props {
  circle: string;
  busy: boolean;
  /** True when the talk was taken; the server's refusal is shown by the caller. */
  onSubmit: (talk: NewTalkBody) => Promise<boolean>;
  onCancel: () => void;
}

/** A 10-minute lightning talk offered to a circle: a title and one sentence. */
export function TalkForm({ circle, busy, onSubmit, onCancel }: Props) {
  const layout = useLayoutStyles();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSubmit({ title, summary })) {
      setTitle('');
      setSummary('');
    }
  };

  return (
    <form
      className={layout.columnS}
      onSubmit={(e) => void submit(e)}
      aria-label={`Offer the ${circle} circle a talk`}
    >
      <Field label="Title" hint="Up to 100 characters." required>
        <Input value={title} maxLength={100} onChange={(_, d) => setTitle(d.value)} autoFocus />
      </Field>
      <Field label="In one sentence, what is it about?" hint="Up to 300 characters." required>
        <Textarea value={summary} maxLength={300} onChange={(_, d) => setSummary(d.value)} />
      </Field>
      <FormActions
        submitLabel="Offer the talk"
        busy={busy}
        submitDisabled={!title.trim() || !summary.trim()}
        onCancel={onCancel}
        size="small"
        compact
      />
    </form>
  );
}
