/** Moves keyboard focus to an element once React has rendered it (e.g. after its button left). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
