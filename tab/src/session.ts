/**
 * Where the browser sign-in keeps its token: sessionStorage, so it lives as long as the tab and
 * is never shared with other tabs or kept after the browser closes. Teams gives its own token.
 */
const TOKEN_KEY = 'rapport.token';
const THEME_KEY = 'rapport.theme';

function storage(kind: 'session' | 'local'): Storage | undefined {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    // Storage can be blocked (third-party iframes, strict privacy settings).
    return undefined;
  }
}

export const storedToken = (): string | undefined =>
  storage('session')?.getItem(TOKEN_KEY) ?? undefined;

export function storeToken(token: string | undefined): void {
  const s = storage('session');
  if (token) s?.setItem(TOKEN_KEY, token);
  else s?.removeItem(TOKEN_KEY);
}

export type ThemeChoice = 'light' | 'dark';

/** The browser user's theme choice, else their system's. */
export function storedTheme(): ThemeChoice {
  const saved = storage('local')?.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const storeTheme = (theme: ThemeChoice): void => storage('local')?.setItem(THEME_KEY, theme);
