import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { DEV_TEAMS_APP_ID } from '../bot/src/config';

/**
 * Building the Teams app package (appPackage/build/appPackage.zip): the pure steps, so tests can
 * run each one. `scripts/package-app.ts` is the command line around them.
 */

/** Why packaging stopped. `problems` has one line per bad variable, schema error or icon. */
export class AppPackageError extends Error {
  constructor(
    readonly code: 'ENV_INVALID' | 'USAGE' | 'MANIFEST_INVALID' | 'ICONS_INVALID',
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
    this.name = 'AppPackageError';
  }
}

/**
 * The placeholders manifest.json uses, named as the Agents Toolkit's env files name them
 * (`${{NAME}}`): the Toolkit's own `teamsApp/zipAppPackage` fills the same manifest.
 * AAD_APP_CLIENT_ID is the tab's single sign-on app, apart from the bot, which signs in with a
 * managed identity in Azure.
 */
export interface PackageValues {
  TEAMS_APP_ID: string;
  BOT_ID: string;
  BOT_DOMAIN: string;
  AAD_APP_CLIENT_ID: string;
}

/** Used when a variable is unset, so a fresh clone can build and check the package. */
export const LOCAL_DEFAULTS: Readonly<PackageValues> = {
  TEAMS_APP_ID: DEV_TEAMS_APP_ID,
  BOT_ID: '00000000-0000-0000-0000-000000000001',
  BOT_DOMAIN: 'localhost',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
};

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})*(?::(\\d{1,5}))?$`);

function isHost(value: string): boolean {
  const match = HOST.exec(value);
  if (!match) return false;
  const port = match[1];
  const host = port === undefined ? value : value.slice(0, -(port.length + 1));
  return host.length <= 253 && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535));
}

/** Unset and empty both mean "use the local default". */
const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  TEAMS_APP_ID: optional.refine((v) => v === undefined || GUID.test(v), {
    message: 'must be the Teams app ID, a GUID like 5a7e6c1b-2f3d-4e8a-9b1c-0d2e3f4a5b6c',
  }),
  BOT_ID: optional.refine((v) => v === undefined || GUID.test(v), {
    message: 'must be the bot’s Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000001',
  }),
  BOT_DOMAIN: optional.refine((v) => v === undefined || isHost(v), {
    message:
      'must be a host name such as rapport.example.com, optionally with ":port" (no https://, no path)',
  }),
  AAD_APP_CLIENT_ID: optional.refine((v) => v === undefined || GUID.test(v), {
    message:
      'must be the client id of the tab’s Entra app, a GUID like 00000000-0000-0000-0000-000000000001',
  }),
});

/**
 * Reads the manifest's values. Bad ones throw an AppPackageError('ENV_INVALID') with one line per
 * variable, naming it. Without an environment, unset ones take LOCAL_DEFAULTS with a note saying
 * so (AAD_APP_CLIENT_ID takes BOT_ID's value: one registration for the bot and the tab); for a
 * named environment an unset one is an error, since a package pointing at localhost is no use there.
 */
export function parsePackageEnv(
  env: NodeJS.ProcessEnv,
  environment?: string,
): {
  values: PackageValues;
  notes: string[];
} {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      if (lines.has(name)) continue;
      const raw = env[name];
      const shown =
        raw === undefined ? '' : ` (got "${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}")`;
      lines.set(name, `${name} ${issue.message}${shown}`);
    }
    throw new AppPackageError('ENV_INVALID', [...lines.values()]);
  }
  const names = Object.keys(LOCAL_DEFAULTS) as (keyof PackageValues)[];
  if (environment !== undefined) {
    const unset = names.filter((name) => parsed.data[name] === undefined);
    if (unset.length > 0) {
      throw new AppPackageError(
        'ENV_INVALID',
        unset.map(
          (name) =>
            `${name} is empty in env/.env.${environment}: provision the environment first ` +
            `(atk provision --env ${environment}) or set it`,
        ),
      );
    }
  }
  const notes: string[] = [];
  const values = { ...LOCAL_DEFAULTS };
  for (const name of names) {
    const given = parsed.data[name];
    if (given !== undefined) {
      values[name] = given;
    } else if (name === 'AAD_APP_CLIENT_ID') {
      values[name] = values.BOT_ID;
      notes.push(`${name} is not set: the tab signs in with the bot's app registration, BOT_ID.`);
    } else {
      notes.push(
        `${name} is not set: using the local development default "${LOCAL_DEFAULTS[name]}". ` +
          'Set it before sideloading or publishing.',
      );
    }
  }
  return { values, notes };
}

/** An Agents Toolkit environment name, as `atk` accepts it (the env/.env.<name> suffix). */
const ENVIRONMENT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The variables of one Agents Toolkit environment: env/.env.<name>, then env/.env.<name>.user
 * (git-ignored; the Toolkit keeps secrets and personal values there). Throws USAGE naming
 * the environments that exist when the name is not one of them.
 */
export function readEnvironment(root: string, environment: string): Record<string, string> {
  const envDir = path.join(root, 'env');
  const file = path.join(envDir, `.env.${environment}`);
  if (!ENVIRONMENT_NAME.test(environment) || !fs.existsSync(file)) {
    const known = fs.existsSync(envDir)
      ? fs
          .readdirSync(envDir)
          .filter((name) => /^\.env\.[^.]+$/.test(name))
          .map((name) => name.slice('.env.'.length))
          .sort()
      : [];
    throw new AppPackageError('USAGE', [
      `--env ${environment}: there is no env/.env.${environment} ` +
        `(environments here: ${known.join(', ') || 'none'})`,
    ]);
  }
  const values: Record<string, string> = {};
  for (const source of [file, `${file}.user`]) {
    if (fs.existsSync(source)) Object.assign(values, parseEnv(fs.readFileSync(source, 'utf8')));
  }
  return values;
}

/**
 * Replaces every `${{NAME}}` in the manifest text. A placeholder without a value is an error, so
 * no `${{` ever reaches the package.
 */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    // The values land inside JSON strings: escape them as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new AppPackageError(
      'MANIFEST_INVALID',
      [...missing].map((name) => `manifest.json uses \${{${name}}} but no value was given`),
    );
  }
  if (filled.includes('${{')) {
    throw new AppPackageError('MANIFEST_INVALID', [
      'manifest.json has a malformed ${{…}} placeholder',
    ]);
  }
  return filled;
}

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * The schema file bundled with @microsoft/app-manifest for a Teams `$schema` URL, or undefined when
 * the URL is not a Teams schema the package ships. Never fetched from the network.
 */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  let pathname: string;
  try {
    const url = new URL(schemaUrl);
    if (url.protocol !== 'https:' || url.hostname !== 'developer.microsoft.com') return undefined;
    pathname = url.pathname;
  } catch {
    return undefined;
  }
  const match =
    /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i.exec(
      pathname,
    );
  if (!match) return undefined;
  const root = path.dirname(require.resolve('@microsoft/app-manifest'));
  const file = path.join(root, 'json-schemas', 'teams', match[1], match[2]);
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Validates a filled manifest against the schema its `$schema` names, as bundled with
 * @microsoft/app-manifest (`AppManifestUtils.validateAgainstSchema(manifest, schema)`).
 * Returns one line per error; an empty list means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['manifest must be a JSON object'];
  }
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== 'string') return ['manifest has no "$schema" URL'];
  const file = bundledSchemaPath(schemaUrl);
  if (!file) {
    return [`"$schema" ${schemaUrl} is not a Teams schema bundled with @microsoft/app-manifest`];
  }
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as ManifestSchema;
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, schema);
  return errors.map((error) => error.trim());
}

/** Teams' icon rules: colour 192×192; outline 32×32, white on a transparent background. */
export function checkIcons(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  const read = (name: string, data: Buffer): PNG | undefined => {
    try {
      return PNG.sync.read(data);
    } catch (error) {
      problems.push(`${name} is not a readable PNG: ${(error as Error).message}`);
      return undefined;
    }
  };
  const color = read('color.png', icons.color);
  if (color && (color.width !== 192 || color.height !== 192)) {
    problems.push(`color.png must be 192×192 pixels (it is ${color.width}×${color.height})`);
  }
  const outline = read('outline.png', icons.outline);
  if (outline) {
    if (outline.width !== 32 || outline.height !== 32) {
      problems.push(`outline.png must be 32×32 pixels (it is ${outline.width}×${outline.height})`);
    }
    let coloured = 0;
    let transparent = 0;
    let first = '';
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) {
        if (coloured++ === 0) {
          const pixel = i / 4;
          first = ` (first at x=${pixel % outline.width}, y=${Math.floor(pixel / outline.width)})`;
        }
      }
    }
    if (coloured > 0) {
      problems.push(
        `outline.png must be white on transparent: ${coloured} pixel(s) are neither${first}`,
      );
    }
    if (transparent === 0) problems.push('outline.png must have a transparent background');
  }
  return problems;
}

/** Zip entries get a fixed date so the same inputs always give the same bytes. */
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

/**
 * The language files `localizationInfo` names (appPackage/<tag>.json), each checked against the
 * Localization schema its `$schema` names, as bundled: name, descriptions and command texts.
 */
export function languageFiles(appPackageDir: string, manifest: unknown): Record<string, string> {
  const info = (manifest as { localizationInfo?: { additionalLanguages?: { file: string }[] } })
    .localizationInfo;
  return Object.fromEntries(
    (info?.additionalLanguages ?? []).map(({ file }) => {
      const where = path.join(appPackageDir, file);
      if (
        path.dirname(path.resolve(where)) !== path.resolve(appPackageDir) ||
        !fs.existsSync(where)
      )
        throw new AppPackageError('MANIFEST_INVALID', [`${file}: no such file in appPackage`]);
      return [file, fs.readFileSync(where, 'utf8')];
    }),
  );
}

interface LocalizationSchema {
  required?: string[];
  properties: Record<string, { type?: string; maxLength?: number }>;
  patternProperties: Record<string, { maxLength?: number }>;
}

/**
 * A language file's problems against the bundled Localization schema its `$schema` names: the
 * required texts, only fields the schema lets a language replace, each within its length. Read
 * by hand because that schema's patterns are not valid Unicode-mode expressions, which the
 * manifest validator (ajv) compiles them as.
 */
export function languageFileProblems(file: unknown): string[] {
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    return ['must be a JSON object'];
  const fields = file as Record<string, unknown>;
  const where = typeof fields.$schema === 'string' ? bundledSchemaPath(fields.$schema) : undefined;
  if (!where || !where.endsWith('MicrosoftTeams.Localization.schema.json'))
    return [`"$schema" must name a Teams Localization schema bundled with @microsoft/app-manifest`];
  const schema = JSON.parse(fs.readFileSync(where, 'utf8')) as LocalizationSchema;
  const patterns = Object.entries(schema.patternProperties).map(
    ([pattern, rule]) => [new RegExp(pattern), rule] as const,
  );
  const missing = (schema.required ?? []).filter((key) => !(key in fields));
  return [
    ...missing.map((key) => `"${key}" is required`),
    ...Object.entries(fields).flatMap(([key, value]) => {
      if (key === '$schema' || key === 'localizationKeys') return [];
      const rule = schema.properties[key] ?? patterns.find(([re]) => re.test(key))?.[1];
      if (!rule) return [`"${key}" is not a field a language file may set`];
      if (typeof value !== 'string') return [`"${key}" must be text`];
      return rule.maxLength !== undefined && value.length > rule.maxLength
        ? [`"${key}" must be at most ${rule.maxLength} characters (it has ${value.length})`]
        : [];
    }),
  ];
}

/** Schema problems of each language file, as "<file>: <problem>" lines. */
export function validateLanguageFiles(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) => {
    try {
      return languageFileProblems(JSON.parse(text)).map((line) => `${file}: ${line}`);
    } catch (error) {
      return [`${file} is not valid JSON: ${(error as Error).message}`];
    }
  });
}

/** The package: manifest.json, its language files, color.png and outline.png at the root of a zip. */
export async function buildZip(files: {
  manifest: string;
  color: Buffer;
  outline: Buffer;
  languages?: Record<string, string>;
}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', files.manifest, { date: ZIP_DATE });
  for (const [name, text] of Object.entries(files.languages ?? {}))
    zip.file(name, text, { date: ZIP_DATE });
  zip.file('color.png', files.color, { date: ZIP_DATE });
  zip.file('outline.png', files.outline, { date: ZIP_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The whole build, without writing anything: env → filled manifest → schema and icon checks →
 * zip. Throws AppPackageError with the problems found at the first failing step.
 */
export async function buildAppPackage(
  appPackageDir: string,
  env: NodeJS.ProcessEnv,
  environment?: string,
): Promise<{ zip: Buffer; manifest: string; notes: string[] }> {
  const { values, notes } = parsePackageEnv(env, environment);
  const template = fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const manifest = fillPlaceholders(template, { ...values });
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch (error) {
    throw new AppPackageError('MANIFEST_INVALID', [
      `manifest.json is not valid JSON: ${(error as Error).message}`,
    ]);
  }
  const languages = languageFiles(appPackageDir, parsed);
  const schemaErrors = [
    ...(await validateManifest(parsed)).map((line) => `manifest.json: ${line}`),
    ...validateLanguageFiles(languages),
  ];
  if (schemaErrors.length > 0) {
    throw new AppPackageError('MANIFEST_INVALID', schemaErrors);
  }
  const color = fs.readFileSync(path.join(appPackageDir, 'color.png'));
  const outline = fs.readFileSync(path.join(appPackageDir, 'outline.png'));
  const iconProblems = checkIcons({ color, outline });
  if (iconProblems.length > 0) throw new AppPackageError('ICONS_INVALID', iconProblems);
  return { zip: await buildZip({ manifest, color, outline, languages }), manifest, notes };
}
