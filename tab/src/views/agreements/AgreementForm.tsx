import { Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Options } from '../../components/Options';
import type {
  AgreementCategory,
  AgreementContent,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useT } from '../../i18n/use-t';
import { categories } from './agreement-format';

export const MAX_TITLE = 120;
export const MAX_TEXT = 2000;
export const MAX_NOTE = 500;

export interface AgreementDraft extends AgreementContent {
  note: string;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  category: { maxWidth: '320px' },
});

interface Props {
  initial: AgreementContent;
  /** The form's accessible name, e.g. "New agreement". */
  label: string;
  submitLabel: string;
  noteLabel: string;
  noteHint: string;
  busy: boolean;
  /** The API's answer when it refused the draft; its message names the field. */
  error?: ApiError;
  errorTitle: string;
  onSubmit: (draft: AgreementDraft) => void;
  onCancel: () => void;
  /** Puts the cursor in the title when the form appears. */
  focusTitle?: boolean;
}

/** Title, text, category and a note: the wording of a new agreement or of a change. */
export function AgreementForm({
  initial,
  label,
  submitLabel,
  noteLabel,
  noteHint,
  busy,
  error,
  errorTitle,
  onSubmit,
  onCancel,
  focusTitle = false,
}: Props) {
  const styles = useStyles();
  const t = useT();
  const [draft, setDraft] = useState<AgreementDraft>({ ...initial, note: '' });
  const [problems, setProblems] = useState<{ title?: string; text?: string }>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ownTitleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusTitle) ownTitleRef.current?.focus();
  }, [focusTitle]);
  const set = (change: Partial<AgreementDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.title.trim();
    const text = draft.text.trim();
    const found = {
      title: title.length < 3 ? t('tab.agreements.form.titleTooShort', { min: 3 }) : undefined,
      text: text.length < 10 ? t('tab.agreements.form.textTooShort', { min: 10 }) : undefined,
    };
    setProblems(found);
    if (found.title) return ownTitleRef.current?.focus();
    if (found.text) return textRef.current?.focus();
    onSubmit({ ...draft, title, text, note: draft.note.trim() });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={label} noValidate>
      <Field
        label={t('tab.agreements.form.title')}
        required
        validationState={problems.title ? 'error' : 'none'}
        validationMessage={problems.title}
        hint={t('tab.agreements.form.titleHint', { max: MAX_TITLE, length: draft.title.length })}
      >
        <Input
          ref={ownTitleRef}
          value={draft.title}
          maxLength={MAX_TITLE}
          onChange={(_, d) => set({ title: d.value })}
        />
      </Field>
      <Field
        label={t('tab.agreements.form.text')}
        required
        validationState={problems.text ? 'error' : 'none'}
        validationMessage={problems.text}
        hint={t('tab.agreements.form.textHint', { max: MAX_TEXT, length: draft.text.length })}
      >
        <Textarea
          ref={textRef}
          value={draft.text}
          maxLength={MAX_TEXT}
          rows={7}
          resize="vertical"
          onChange={(_, d) => set({ text: d.value })}
        />
      </Field>
      <Field label={t('tab.agreements.form.category')} className={styles.category}>
        <Select
          value={draft.category}
          onChange={(_, d) => set({ category: d.value as AgreementCategory })}
        >
          <Options items={categories(t)} />
        </Select>
      </Field>
      <Field label={noteLabel} hint={noteHint}>
        <Textarea
          value={draft.note}
          maxLength={MAX_NOTE}
          resize="vertical"
          onChange={(_, d) => set({ note: d.value })}
        />
      </Field>
      {error && <FormError title={errorTitle} error={error} />}
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        cancelDisabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
