import { lazy, Suspense, useState, type ComponentProps } from 'react';

const ConfirmDialog = lazy(() => import('./ConfirmDialog'));

/**
 * The confirmation dialog, loaded the first time one is needed: most visits never delete
 * anything, so the dialog's code stays out of the first download. Once loaded it stays mounted,
 * so that closing it runs Fluent's own close (which gives the page back to screen readers).
 */
export function LazyConfirmDialog(props: ComponentProps<typeof ConfirmDialog>) {
  const [needed, setNeeded] = useState(props.open);
  if (props.open && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialog {...props} />
    </Suspense>
  );
}
