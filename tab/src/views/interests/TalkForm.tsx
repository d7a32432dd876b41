import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../components/FormActions';
import { useLayoutStyles } from '../../layout-styles';
import type { NewTalkBody } from '../../../../bot/src/features/interests/interests-schemas';
import { useT } from '../../i18n/use-t';

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
  const t = useT();
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
      aria-label={t('tab.interests.talkFormLabel', { circle })}
    >
      <Field
        label={t('tab.interests.talkTitle')}
        hint={t('tab.interests.upTo', { count: 100 })}
        required
      >
        <Input value={title} maxLength={100} onChange={(_, d) => setTitle(d.value)} autoFocus />
      </Field>
      <Field
        label={t('tab.interests.talkSummary')}
        hint={t('tab.interests.upTo', { count: 300 })}
        required
      >
        <Textarea value={summary} maxLength={300} onChange={(_, d) => setSummary(d.value)} />
      </Field>
      <FormActions
        submitLabel={t('tab.interests.offerTheTalk')}
        busy={busy}
        submitDisabled={!title.trim() || !summary.trim()}
        onCancel={onCancel}
        size="small"
        compact
      />
    </form>
  );
}
