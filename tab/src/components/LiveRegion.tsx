import { useCallback, useState, type ReactNode } from 'react';
import { useVisuallyHidden } from '../a11y';

/**
 * A polite live region that is on the page before anything is said in it (so screen readers
 * listen), and a function that says something there; saying the same thing twice repeats it.
 */
export function useAnnouncer(): [(text: string) => void, ReactNode] {
  const hidden = useVisuallyHidden();
  const [said, setSaid] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setSaid((s) => ({ text, n: s.n + 1 })), []);
  const region = (
    <div className={hidden.root} aria-live="polite" aria-atomic="true">
      <span key={said.n}>{said.text}</span>
    </div>
  );
  return [announce, region];
}
