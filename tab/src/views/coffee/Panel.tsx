import { Subtitle1 } from '@fluentui/react-components';
import { useId, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { SuccessNote } from '../../components/SuccessNote';
import { useLayoutStyles } from '../../layout-styles';
import type { Action } from '../../use-action';
import { useHeadingStyles } from '../heading-styles';
import { useT } from '../../i18n/use-t';

interface PanelProps {
  title: string;
  /** Set to focus the heading after the control that was pressed went away. */
  headingId?: string;
  'data-testid'?: string;
  children: ReactNode;
}

/** One part of the coffee view: a raised panel named by its heading. */
export function Panel({ title, headingId, 'data-testid': testId, children }: PanelProps) {
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const ownId = useId();
  const id = headingId ?? ownId;
  return (
    <section className={layout.panel} aria-labelledby={id} data-testid={testId}>
      <Subtitle1
        as="h3"
        className={headingId ? headings.target : headings.root}
        id={id}
        tabIndex={headingId ? -1 : undefined}
      >
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

interface FormProps {
  title: string;
  'data-testid'?: string;
  /** The form's request, its busy state and the server's refusal. */
  action: Action;
  /** What did not happen when the server refused, e.g. "Your list was not saved". */
  errorTitle: string;
  /** What the last save did; shown while nothing is changed since. */
  saved?: string;
  submitLabel: string;
  /** Whether there is something to save. */
  canSave: boolean;
  /** Whether there is something to discard. */
  canDiscard: boolean;
  onSave: () => void;
  onDiscard: () => void;
  children: ReactNode;
}

/** A part of the coffee view that is a form: its fields, the refusal or the success, the buttons. */
export function PanelForm({
  title,
  'data-testid': testId,
  action,
  errorTitle,
  saved,
  submitLabel,
  canSave,
  canDiscard,
  onSave,
  onDiscard,
  children,
}: FormProps) {
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const headingId = useId();
  const t = useT();
  const busy = action.busy !== undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form
      className={layout.panel}
      onSubmit={submit}
      aria-labelledby={headingId}
      noValidate
      data-testid={testId}
    >
      <Subtitle1 as="h3" className={headings.root} id={headingId}>
        {title}
      </Subtitle1>
      {children}
      {action.error && <FormError title={errorTitle} error={action.error} />}
      {saved && !canSave && <SuccessNote>{saved}</SuccessNote>}
      <FormActions
        submitLabel={submitLabel}
        cancelLabel={t('tab.common.discardChanges')}
        busy={busy}
        submitDisabled={!canSave}
        cancelDisabled={busy || !canDiscard}
        onCancel={() => {
          action.clearError();
          onDiscard();
        }}
      />
    </form>
  );
}
