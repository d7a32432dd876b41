import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TENANT_ID } from '../../fixtures/teams-activities';
import type { Member } from '../../support/team-harness';

/** Debian's Chromium (`apt-get install -y chromium`); .ci/run installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Headless Chromium through playwright-core (no browser download: the system's Chromium).
 * `launch` gives the browser a fresh temporary user-data dir and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH)',
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

/**
 * A PNG of the whole page under test/e2e/artifacts/, for people to look at. The viewport is
 * grown to the page's height first (rather than Chromium's full-page capture, which leaves the
 * resizing chart blank), then put back.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1100, height: 900 };
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, animations: 'disabled' });
  await page.setViewportSize(viewport);
  return file;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  html: string[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations.
 *
 * One known false positive is set aside, exactly as Accessibility Insights does
 * (microsoft/accessibility-insights-web#7605): `aria-hidden-focus` on tabster's focus sentinels
 * (`<i data-tabster-dummy aria-hidden="true" tabindex="0">`), which Fluent UI puts around arrow-key
 * groups such as TabList. They pass focus on the moment they get it and must stay hidden from
 * screen readers (microsoft/tabster#288). Every other node of that rule still counts.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.addScriptTag({ content: axe.source });
  const findings = (await page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations
        .map((v) => ({
          ...v,
          nodes: v.nodes.filter(
            (n) => !(v.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(n.html)),
          ),
        }))
        .filter((v) => v.nodes.length > 0)
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
          html: v.nodes.slice(0, 5).map((n) => n.html.slice(0, 200)),
        })),
    )
  `)) as AxeFinding[];
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** Signs the page in by putting a dev token where the tab keeps it, before any script runs. */
export async function useToken(page: Page, token: string): Promise<void> {
  await page.addInitScript(`sessionStorage.setItem('rapport.token', ${JSON.stringify(token)});`);
}

/** Chooses the tab's theme outside Teams (the header's switch stores the same key). */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript(`localStorage.setItem('rapport.theme', ${JSON.stringify(theme)});`);
}

/**
 * Signs a member in the way a person outside Teams does: the tab's own sign-in form, which asks
 * the server for a dev token. The page must be showing the form.
 */
export async function signInThroughForm(page: Page, member: Member): Promise<void> {
  await page.getByLabel('Tenant id').fill(TENANT_ID);
  await page.getByLabel('User id').fill(member.aadObjectId);
  await page.getByLabel('Name').fill(member.name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${member.name}`).waitFor();
}
