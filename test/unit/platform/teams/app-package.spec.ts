import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  AppPackageError,
  LOCAL_DEFAULTS,
  buildAppPackage,
  checkIcons,
  languageFiles,
  fillPlaceholders,
  parsePackageEnv,
  validateLanguageFiles,
  validateManifest,
} from '../../../../scripts/app-package';
import { LOCALES } from '../../../../bot/src/platform/domain/locales';
import type { MessageKey } from '../../../../bot/src/platform/i18n/catalogs';
import { main } from '../../../../scripts/package-app';
import { helpText, welcomeText } from '../../../../bot/src/platform/teams/welcome-message';
import { translator } from '../../../../bot/src/platform/i18n/messages';
import { RECOGNITION_HELP } from '../../../../bot/src/features/recognition/teams/recognition-help';
import { CHECKIN_HELP } from '../../../../bot/src/features/checkins/teams/checkin-help';
import { AGREEMENT_HELP } from '../../../../bot/src/features/agreements/teams/agreement-help';
import { COFFEE_HELP } from '../../../../bot/src/features/coffee/teams/coffee-help';
import { ICEBREAKER_HELP } from '../../../../bot/src/features/icebreakers/teams/icebreaker-help';

// @microsoft/app-manifest requires strip-bom, an ES module: Node 20.19+ loads it with require(),
// Jest's module runtime cannot (before Node 24.9). Only its file readers use it, not validation.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const root = path.resolve(__dirname, '..', '..', '..', '..');
const appPackageDir = path.join(root, 'appPackage');
const template = fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
const colorPng = fs.readFileSync(path.join(appPackageDir, 'color.png'));
const outlinePng = fs.readFileSync(path.join(appPackageDir, 'outline.png'));
/** Every feature's lines in the bot's welcome and help texts, as the app gathers them. */
const help = [RECOGNITION_HELP, CHECKIN_HELP, AGREEMENT_HELP, COFFEE_HELP, ICEBREAKER_HELP];
const en = translator('en');

const values = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  BOT_DOMAIN: 'rapport.example.com',
  AAD_APP_CLIENT_ID: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff',
};

interface Command {
  id: string;
  type: string;
  context: string[];
  fetchTask: boolean;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  bots: {
    botId?: string;
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
  composeExtensions: { botId: string; commands: Command[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  configurableTabs: { context: string[]; meetingSurfaces: string[] }[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  localizationInfo?: {
    defaultLanguageTag: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
}

function filledManifest(): Manifest {
  return JSON.parse(fillPlaceholders(template, values)) as Manifest;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppPackageError) return error.problems;
    throw error;
  }
  throw new Error('expected an AppPackageError');
}

describe('Teams app manifest', () => {
  it('validates against the bundled schema with zero errors once placeholders are filled', async () => {
    const manifest = filledManifest();
    // The version the Agents Toolkit's current templates use.
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('reports schema errors for a broken manifest, so the check can fail', async () => {
    const noBotId = filledManifest();
    delete noBotId.bots[0].botId;
    const errors = await validateManifest(noBotId);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/\/bots\/0 .*botId/);

    const badVersion = { ...filledManifest(), manifestVersion: '9.9' };
    expect((await validateManifest(badVersion)).join('\n')).toMatch(/manifestVersion/);

    const placeholderId = { ...filledManifest(), id: '${{TEAMS_APP_ID}}' };
    expect((await validateManifest(placeholderId)).join('\n')).toMatch(/\/id /);
  });

  it('refuses a $schema that is not bundled instead of fetching it', async () => {
    const manifest = { ...filledManifest(), $schema: 'https://example.com/schema.json' };
    expect(await validateManifest(manifest)).toEqual([
      expect.stringContaining('is not a Teams schema bundled'),
    ]);
  });

  it('declares the "recognize" action command for compose and message contexts', () => {
    const manifest = filledManifest();
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(values.BOT_ID);
    expect(extension.commands).toHaveLength(1);
    const [command] = extension.commands;
    expect(command).toMatchObject({ id: 'recognize', type: 'action', fetchTask: true });
    expect(command.context).toEqual(expect.arrayContaining(['compose', 'message']));
  });

  it('offers "checkin now" where a team has check-ins, and help names every listed command', () => {
    const lists = Object.fromEntries(
      filledManifest().bots[0].commandLists.map((l) => [l.scopes.join(), l.commands]),
    );
    expect(Object.keys(lists).sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(lists.personal.map((c) => c.title)).toEqual(['recognize', 'help']);
    for (const scope of ['team', 'groupChat'])
      expect(lists[scope].map((c) => c.title)).toEqual([
        'recognize',
        'checkin now',
        'coffee',
        'icebreaker',
        'help',
      ]);
    for (const command of Object.values(lists).flat())
      expect(helpText(help, en)).toContain(`\`${command.title}`);
  });

  it('can be added to meetings and asks for the meeting start and end events', () => {
    const manifest = filledManifest();
    const [tab] = manifest.configurableTabs;
    expect(tab.context).toEqual(
      expect.arrayContaining(['meetingChatTab', 'meetingSidePanel', 'meetingDetailsTab']),
    );
    expect(tab.meetingSurfaces).toEqual(['sidePanel']);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
    ]);
  });

  it('tells people in a channel or group chat to mention the bot, as Teams requires', () => {
    expect(helpText(help, en)).toContain('mention me first: `@Rapport help`');
    for (const kind of ['team', 'groupChat'] as const)
      expect(welcomeText(kind, help, en)).toContain('`@Rapport help`');
    expect(welcomeText('personal', help, en)).toContain('Type `help`');
  });

  it('fills every placeholder and rejects unknown ones', () => {
    const manifest = filledManifest();
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(values.TEAMS_APP_ID);
    expect(manifest.validDomains).toEqual([values.BOT_DOMAIN]);
    // The tab's sign-on app, apart from the bot (a managed identity in Azure).
    expect(manifest.webApplicationInfo).toEqual({
      id: values.AAD_APP_CLIENT_ID,
      resource: `api://${values.BOT_DOMAIN}/${values.AAD_APP_CLIENT_ID}`,
    });
    expect(problemsOf(() => fillPlaceholders('{"a":"${{NOPE}}"}', values))).toEqual([
      'manifest.json uses ${{NOPE}} but no value was given',
    ]);
  });
});

describe('Teams app icons', () => {
  it('are 192×192 (colour) and 32×32 (outline)', () => {
    const color = PNG.sync.read(colorPng);
    const outline = PNG.sync.read(outlinePng);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('outline is only white pixels on a fully transparent background', () => {
    const outline = PNG.sync.read(outlinePng);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else throw new Error(`pixel ${i / 4} is rgba(${r},${g},${b},${a})`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
    expect(checkIcons({ color: colorPng, outline: outlinePng })).toEqual([]);
  });

  it('checkIcons flags wrong sizes and a coloured outline', () => {
    const problems = checkIcons({ color: outlinePng, outline: colorPng });
    expect(problems).toEqual([
      'color.png must be 192×192 pixels (it is 32×32)',
      'outline.png must be 32×32 pixels (it is 192×192)',
      expect.stringMatching(/^outline\.png must be white on transparent: \d+ pixel/),
      'outline.png must have a transparent background',
    ]);
  });
});

describe('package environment', () => {
  it('uses local defaults with a note for each unset variable', () => {
    const { values: parsed, notes } = parsePackageEnv({ BOT_DOMAIN: '' });
    expect(parsed).toEqual(LOCAL_DEFAULTS);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/^TEAMS_APP_ID is not set: using the local development default/);
  });

  it('signs the tab in with the bot’s registration when no separate sign-on app is given', () => {
    const { values: parsed, notes } = parsePackageEnv({ BOT_ID: values.BOT_ID });
    expect(parsed.AAD_APP_CLIENT_ID).toBe(values.BOT_ID);
    expect(notes).toContain(
      "AAD_APP_CLIENT_ID is not set: the tab signs in with the bot's app registration, BOT_ID.",
    );
  });

  it('refuses an environment that left a value empty, naming how to fill it', () => {
    const problems = problemsOf(() =>
      parsePackageEnv({ ...values, BOT_DOMAIN: '', AAD_APP_CLIENT_ID: '' }, 'dev'),
    );
    expect(problems).toEqual([
      'BOT_DOMAIN is empty in env/.env.dev: provision the environment first (atk provision --env dev) or set it',
      'AAD_APP_CLIENT_ID is empty in env/.env.dev: provision the environment first (atk provision --env dev) or set it',
    ]);
  });

  it('accepts real values, including a host with a port', () => {
    expect(parsePackageEnv({ ...values, BOT_DOMAIN: 'abc-123.devtunnels.ms:443' })).toEqual({
      values: { ...values, BOT_DOMAIN: 'abc-123.devtunnels.ms:443' },
      notes: [],
    });
  });

  it('names each bad variable on its own line', () => {
    const problems = problemsOf(() =>
      parsePackageEnv({
        TEAMS_APP_ID: 'not-a-guid',
        BOT_ID: '1234',
        BOT_DOMAIN: 'https://rapport.example.com/tab',
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^TEAMS_APP_ID must be the Teams app ID, a GUID.*\(got "not-a-guid"\)$/,
    );
    expect(problems[1]).toMatch(
      /^BOT_ID must be the bot’s Microsoft App ID, a GUID.*\(got "1234"\)$/,
    );
    expect(problems[2]).toMatch(/^BOT_DOMAIN must be a host name.*no https:\/\//);
    for (const bad of ['rapport.example.com/tab', '-bad-.example.com', 'localhost:99999', 'a b']) {
      expect(problemsOf(() => parsePackageEnv({ BOT_DOMAIN: bad }))).toEqual([
        expect.stringMatching(/^BOT_DOMAIN must be a host name/),
      ]);
    }
  });
});

describe('the manifest in each language (localizationInfo)', () => {
  const manifest = filledManifest();
  const files = languageFiles(appPackageDir, manifest);
  const languages = manifest.localizationInfo!.additionalLanguages!;

  it('names a valid language file for each language Rapport speaks but English', async () => {
    expect(manifest.localizationInfo!.defaultLanguageTag).toBe('en');
    expect(languages.map((l) => l.languageTag).sort()).toEqual(
      LOCALES.filter((l) => l !== 'en').sort(),
    );
    expect(validateLanguageFiles(files)).toEqual([]);
  });

  it('refuses a language file that breaks its schema', () => {
    const broken = JSON.stringify({
      ...JSON.parse(files['de.json']),
      'name.short': 'x'.repeat(31),
    });
    expect(validateLanguageFiles({ 'de.json': broken })).toEqual([
      'de.json: "name.short" must be at most 30 characters (it has 31)',
    ]);
    const stray = JSON.stringify({ ...JSON.parse(files['de.json']), 'bots[0].botId': 'x' });
    expect(validateLanguageFiles({ 'de.json': stray })).toEqual([
      'de.json: "bots[0].botId" is not a field a language file may set',
    ]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    'titles each %s command with the word the bot reads, and its help names it',
    (tag) => {
      const texts = JSON.parse(files[`${tag}.json`]) as Record<string, string>;
      const t = translator(tag);
      const titles = Object.entries(texts).filter(([k]) => /^bots.*\.title$/.test(k));
      expect(titles.length).toBeGreaterThan(0);
      for (const [key, title] of titles) {
        const english = key.replace(
          /^bots\[0\]\.commandLists\[(\d)\]\.commands\[(\d)\]\.title$/,
          (_m, list: string, command: string) =>
            manifest.bots[0].commandLists[Number(list)].commands[Number(command)].title,
        );
        const id = {
          recognize: 'recognize',
          'checkin now': 'checkinNow',
          coffee: 'coffee',
          icebreaker: 'icebreaker',
          help: 'help',
        }[english] as string;
        expect(title).toBe(t(`commands.${id}.word` as MessageKey));
        expect(helpText(help, t)).toContain(`\`${title}`);
      }
    },
  );
});

describe('app package zip', () => {
  it('contains exactly manifest.json, its language files, color.png and outline.png', async () => {
    const { zip, manifest } = await buildAppPackage(appPackageDir, values);
    const archive = await JSZip.loadAsync(zip);
    const names = Object.values(archive.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name)
      .sort();
    expect(names).toEqual([
      'color.png',
      'de.json',
      'es.json',
      'fr.json',
      'ja.json',
      'manifest.json',
      'outline.png',
      'pt-BR.json',
    ]);
    const zipped = await archive.file('manifest.json')!.async('string');
    expect(zipped).toBe(manifest);
    expect(zipped).not.toContain('${{');
    expect((JSON.parse(zipped) as Manifest).bots[0].botId).toBe(values.BOT_ID);
    expect(await archive.file('color.png')!.async('nodebuffer')).toEqual(colorPng);
    expect(await archive.file('outline.png')!.async('nodebuffer')).toEqual(outlinePng);
  });

  it('is byte-for-byte reproducible', async () => {
    const first = await buildAppPackage(appPackageDir, values);
    const second = await buildAppPackage(appPackageDir, values);
    expect(first.zip.equals(second.zip)).toBe(true);
  });
});

describe('package-app CLI', () => {
  function run(env: NodeJS.ProcessEnv, outFile: string) {
    const out: string[] = [];
    const err: string[] = [];
    return main({
      env,
      root,
      outFile,
      log: (line) => out.push(line),
      error: (line) => err.push(line),
    }).then((code) => ({ code, out, err }));
  }

  it('exits 2 with one line per bad variable and writes nothing', async () => {
    const outFile = path.join(os.tmpdir(), `rapport-bad-${process.pid}.zip`);
    const { code, err } = await run({ TEAMS_APP_ID: 'x', BOT_ID: 'y' }, outFile);
    expect(code).toBe(2);
    expect(err.slice(1)).toEqual([
      expect.stringMatching(/^ {2}TEAMS_APP_ID must be/),
      expect.stringMatching(/^ {2}BOT_ID must be/),
    ]);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('writes the zip with the local defaults and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-pkg-'));
    try {
      const outFile = path.join(dir, 'build', 'appPackage.zip');
      const { code, out, err } = await run({}, outFile);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out.filter((line) => line.startsWith('note: '))).toHaveLength(4);
      const archive = await JSZip.loadAsync(fs.readFileSync(outFile));
      const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as Manifest;
      expect(manifest.id).toBe(LOCAL_DEFAULTS.TEAMS_APP_ID);
      expect(manifest.validDomains).toEqual(['localhost']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('package-app CLI per Agents Toolkit environment', () => {
  let project: string;
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-env-'));
    fs.cpSync(appPackageDir, path.join(project, 'appPackage'), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}build`),
    });
    fs.mkdirSync(path.join(project, 'env'));
    const lines = Object.entries(values).map(([name, value]) => `${name}=${value}`);
    fs.writeFileSync(
      path.join(project, 'env', '.env.staging'),
      `TEAMSFX_ENV=staging\n${lines.join('\n')}\n`,
    );
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  function run(env: NodeJS.ProcessEnv, args: string[], projectRoot = project, outFile?: string) {
    const out: string[] = [];
    const err: string[] = [];
    return main({
      env,
      args,
      root: projectRoot,
      outFile,
      log: (line) => out.push(line),
      error: (line) => err.push(line),
    }).then((code) => ({ code, out, err }));
  }

  async function zippedManifest(file: string): Promise<Manifest> {
    const archive = await JSZip.loadAsync(fs.readFileSync(file));
    return JSON.parse(await archive.file('manifest.json')!.async('string')) as Manifest;
  }

  it('fills the manifest from env/.env.<name> and its .user file into appPackage.<name>.zip', async () => {
    fs.writeFileSync(
      path.join(project, 'env', '.env.staging.user'),
      'BOT_DOMAIN=rapport-staging.example.com\n',
    );
    const { code, out, err } = await run({}, ['--env', 'staging']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/appPackage\.staging\.zip \(\d+ bytes\)\.$/)]);
    const manifest = await zippedManifest(
      path.join(project, 'appPackage', 'build', 'appPackage.staging.zip'),
    );
    expect(manifest.id).toBe(values.TEAMS_APP_ID);
    expect(manifest.validDomains).toEqual(['rapport-staging.example.com']);
    expect(manifest.webApplicationInfo.id).toBe(values.AAD_APP_CLIENT_ID);
  });

  it('lets a variable set in the shell override the environment file', async () => {
    const { code } = await run({ BOT_DOMAIN: 'from-the-shell.example.com', BOT_ID: '' }, [
      '--env=staging',
    ]);
    expect(code).toBe(0);
    const manifest = await zippedManifest(
      path.join(project, 'appPackage', 'build', 'appPackage.staging.zip'),
    );
    expect(manifest.validDomains).toEqual(['from-the-shell.example.com']);
    expect(manifest.bots[0].botId).toBe(values.BOT_ID);
  });

  it('refuses an environment that does not exist, listing those that do', async () => {
    const { code, err } = await run({}, ['--env', 'prod']);
    expect(code).toBe(2);
    expect(err).toEqual([
      'Cannot build the app package:',
      '  --env prod: there is no env/.env.prod (environments here: staging)',
    ]);
    expect(fs.existsSync(path.join(project, 'appPackage', 'build'))).toBe(false);
  });

  it('refuses an unprovisioned environment: the committed env/.env.dev names what is missing', async () => {
    const outFile = path.join(project, 'dev.zip');
    const { code, err } = await run({}, ['--env', 'dev'], root, outFile);
    expect(code).toBe(2);
    expect(err.slice(1)).toEqual(
      ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'AAD_APP_CLIENT_ID'].map(
        (name) =>
          `  ${name} is empty in env/.env.dev: provision the environment first (atk provision --env dev) or set it`,
      ),
    );
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('explains its usage when the arguments are not --env <name>', async () => {
    const { code, err } = await run({}, ['staging']);
    expect(code).toBe(2);
    expect(err).toEqual([
      'Cannot build the app package:',
      '  usage: npm run package [-- --env <name>] (got "staging")',
    ]);
  });
});
