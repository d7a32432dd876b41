import { Field, Textarea } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormActions } from '../../components/FormActions';
import { useLayoutStyles } from '../../layout-styles';

interface Props {
  /** Whether the form is shown; the draft is kept while it is hidden. */
  open: boolean;
  /** The form's accessible name. */
  formLabel: string;
  label: string;
  /** The shortest text accepted, counted after trimming. */
  min: number;
  max: number;
  /** Shown under the field; a function gets the trimmed length written so far. */
  hint: string | ((length: number) => string);
  submitLabel: string;
  /** This form's request is running: its Send button shows a spinner. */
  busy: boolean;
  /** Something else is running: Send waits. */
  disabled?: boolean;
  size?: 'small' | 'medium';
  /** Shown, with focus moved to the field, when the trimmed text is shorter than `min`. */
  tooShortMessage: string;
  /** Receives the trimmed text; a truthy result means it was taken, and the draft is cleared. */
  onSubmit: (text: string) => Promise<unknown>;
  onCancel: () => void;
}

/** A required text with a minimum length, sent or cancelled: an objection's reason, an answer. */
export function ReasonForm({
  open,
  formLabel,
  label,
  min,
  max,
  hint,
  submitLabel,
  busy,
  disabled = false,
  size,
  tooShortMessage,
  onSubmit,
  onCancel,
}: Props) {
  const layout = useLayoutStyles();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);

  if (!open) return null;

  // The form need not wait: callers run onSubmit through useAction, which keeps a failure to show.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length < min) {
      setProblem(tooShortMessage);
      ref.current?.focus();
      return;
    }
    setProblem(undefined);
    if (await onSubmit(trimmed)) setText('');
  };

  return (
    <form
      className={layout.columnS}
      onSubmit={(event) => void submit(event)}
      aria-label={formLabel}
    >
      <Field
        label={label}
        required
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
        hint={typeof hint === 'function' ? hint(text.trim().length) : hint}
      >
        <Textarea
          ref={ref}
          value={text}
          maxLength={max}
          resize="vertical"
          onChange={(_, d) => setText(d.value)}
        />
      </Field>
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        submitDisabled={disabled}
        size={size}
        compact
        onCancel={() => {
          setProblem(undefined);
          onCancel();
        }}
      />
    </form>
  );
}
