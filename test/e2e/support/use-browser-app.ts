import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useTestApp, type TestApp, type TestAppOptions } from '../../support/use-test-app';
import { launchChromium, useTheme, useToken } from './browser';

export interface PageOptions {
  /** A dev token the page is signed in with before any script runs. */
  token?: string;
  theme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

export type BrowserApp = TestApp & {
  browser: Browser;
  /** A page in a fresh context (its own storage), in UTC and US English. */
  newPage(options?: PageOptions): Promise<Page>;
};

/**
 * useTestApp plus headless Chromium for the enclosing describe block: every context a page was
 * opened in and the browser are closed after the tests, before the app stops.
 */
export function useBrowserApp(name: string, options: TestAppOptions = {}): BrowserApp {
  const contexts: BrowserContext[] = [];
  // Registered first, so it runs before useTestApp stops the app the pages talk to.
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await app.browser?.close();
  });
  const app = useTestApp(name, options) as BrowserApp;
  beforeAll(async () => {
    app.browser = await launchChromium();
  });
  app.newPage = async ({ token, theme = 'light', width = 1100, height = 900 } = {}) => {
    const context = await app.browser.newContext({
      viewport: { width, height },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    contexts.push(context);
    const page = await context.newPage();
    if (token) await useToken(page, token);
    await useTheme(page, theme);
    return page;
  };
  return app;
}
