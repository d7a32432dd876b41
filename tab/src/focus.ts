/** How long a focus move waits for its element and for a closing dialog, at the most. */
const WAIT_MS = 3000;

const dialogOnScreen = () =>
  document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;

/**
 * Moves keyboard focus to an element once React has rendered it (e.g. after its button left) and
 * no dialog is on screen: a closing dialog hands focus back to the button that opened it as it
 * unmounts, and while open it keeps focus inside, so a move made earlier would be undone.
 */
export function focusSoon(target: string | (() => HTMLElement | null)): void {
  const until = performance.now() + WAIT_MS;
  const element = () => (typeof target === 'string' ? document.getElementById(target) : target());
  const attempt = () => {
    const found = element();
    if (found && !dialogOnScreen()) found.focus();
    else if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
