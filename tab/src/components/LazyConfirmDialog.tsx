import { lazy, Suspense, useState, type ComponentProps } from 'react';

const ConfirmDialog = lazy(() => import('./ConfirmDialog'));

/** What the dialog asks, and the button that answers yes. */
export interface Question {
  title: string;
  confirmLabel: string;
}

/** A question asked before an action, about a subject (a recognition to delete, or nothing). */
export interface Confirmation<Subject> extends Question {
  /** Set while the dialog is open. */
  asked: { subject: Subject } | undefined;
  ask(subject: Subject): void;
  close(): void;
}

/** One confirmation dialog's question and state: `ask` opens it, the dialog closes it. */
export function useConfirmation<Subject = void>(question: Question): Confirmation<Subject> {
  const [asked, setAsked] = useState<{ subject: Subject }>();
  return {
    ...question,
    asked,
    ask: (subject) => setAsked({ subject }),
    close: () => setAsked(undefined),
  };
}

type Props<Subject> = Pick<ComponentProps<typeof ConfirmDialog>, 'children'> & {
  confirmation: Confirmation<Subject>;
  /** Runs the action on what was asked about; the dialog closes once it has succeeded. */
  onConfirm: (subject: Subject) => Promise<void>;
};

/**
 * The confirmation dialog, loaded the first time one is needed: most visits never delete
 * anything, so the dialog's code stays out of the first download. Once loaded it stays mounted,
 * so that closing it runs Fluent's own close (which gives the page back to screen readers).
 */
export function LazyConfirmDialog<Subject>({ confirmation, onConfirm, children }: Props<Subject>) {
  const { title, confirmLabel, asked, close } = confirmation;
  const open = asked !== undefined;
  const [needed, setNeeded] = useState(open);
  if (open && !needed) setNeeded(true);
  if (!needed) return null;
  const confirm = async () => {
    if (!asked) return;
    await onConfirm(asked.subject);
    close();
  };
  return (
    <Suspense fallback={null}>
      <ConfirmDialog
        title={title}
        confirmLabel={confirmLabel}
        open={open}
        onConfirm={confirm}
        onClose={close}
      >
        {children}
      </ConfirmDialog>
    </Suspense>
  );
}
