import { Button, makeStyles, mergeClasses, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLayoutStyles } from '../layout-styles';
import { useT } from '../i18n/use-t';

const useStyles = makeStyles({
  // A note after the buttons (e.g. "No unsaved changes.") sits on their middle line.
  row: { alignItems: 'center' },
});

interface Props {
  submitLabel: string;
  cancelLabel?: string;
  /** The form's request is running: submit waits and shows a spinner. */
  busy: boolean;
  /** Submit waits for another reason too (nothing changed, something else is running). */
  submitDisabled?: boolean;
  cancelDisabled?: boolean;
  onCancel: () => void;
  size?: 'small' | 'medium';
  /** Closer buttons, for a form inside a panel. */
  compact?: boolean;
  /** Shown after the buttons. */
  children?: ReactNode;
}

/** A form's submit and cancel buttons. */
export function FormActions({
  submitLabel,
  cancelLabel,
  busy,
  submitDisabled = false,
  cancelDisabled = false,
  onCancel,
  size,
  compact = false,
  children,
}: Props) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  return (
    <div className={mergeClasses(compact ? layout.rowS : layout.rowM, styles.row)}>
      <Button
        type="submit"
        appearance="primary"
        size={size}
        disabled={busy || submitDisabled}
        icon={busy ? <Spinner size="tiny" /> : undefined}
      >
        {submitLabel}
      </Button>
      <Button size={size} onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel ?? t('tab.common.cancel')}
      </Button>
      {children}
    </div>
  );
}
