import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { loadConfig } from '../../../bot/src/config';
import { agentsToolkitCli, runAtk } from '../../support/agents-toolkit-cli';

/**
 * The Microsoft 365 Agents Toolkit project: m365agents*.yml, env/, aad.manifest.json,
 * infra/azure.parameters.json and .vscode/. The files are checked against each other and
 * against the app (what the Toolkit writes for it to read); then, with the Toolkit's own CLI,
 * against its yaml schema and its manifest validation.
 */

const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

const PROJECT_FILES = ['m365agents.yml', 'm365agents.local.yml', 'm365agents.playground.yml'];
/** Which Toolkit environment each project file serves. */
const ENVIRONMENTS = { dev: 'm365agents.yml', local: 'm365agents.local.yml' } as const;

function project(file: string): Project {
  return yaml.load(read(file)) as Project;
}

function actions(p: Project): Action[] {
  return [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];
}

function envFile(name: string): Record<string, string> {
  return parseEnv(read(`env/.env.${name}`)) as Record<string, string>;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]);
}

/** The bicep's outputs, which arm/deploy writes into the environment file. */
function bicepOutputs(): string[] {
  return [...read('infra/azure.bicep').matchAll(/^output\s+([A-Z0-9_]+)\s/gm)].map((m) => m[1]);
}

function written(p: Project): string[] {
  return actions(p).flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {}));
}

/** What a provisioned environment holds: the committed file with its empty values filled. */
function provisioned(name: string): Record<string, string> {
  const host = name === 'local' ? 'k7x2m9-3978.euw.devtunnels.ms' : 'rapport-abc.azurewebsites.net';
  const guid = (n: number) => `${String(n).padStart(8, '0')}-1111-4222-8333-444444444444`;
  const filled: Record<string, string> = {};
  Object.entries(envFile(name)).forEach(([key, value], index) => {
    filled[key] =
      value !== ''
        ? value
        : key === 'BOT_DOMAIN'
          ? host
          : key === 'BOT_ENDPOINT'
            ? `https://${host}`
            : guid(index + 1);
  });
  return filled;
}

function render(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`no value for ${name}`);
    return values[name];
  });
}

/** The variables a file/createOrUpdateEnvironmentFile step writes for the app. */
function appEnvironment(p: Project, target: string, values: Record<string, string>) {
  const step = actions(p).find(
    (a) => a.uses === 'file/createOrUpdateEnvironmentFile' && a.with?.target === target,
  );
  expect(step).toBeDefined();
  const envs = step!.with!.envs as Record<string, string | number>;
  return Object.fromEntries(
    Object.entries(envs).map(([key, value]) => [key, render(String(value), values)]),
  );
}

describe('Agents Toolkit project', () => {
  it('is three v1.11 project files sharing the env/ folder', () => {
    for (const file of PROJECT_FILES) {
      expect(read(file).split('\n')[0]).toBe(
        '# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json',
      );
      expect(project(file)).toMatchObject({ version: 'v1.11', environmentFolderPath: './env' });
    }
  });

  it('provisions Azure in the order the steps need each other, then deploys only the built app', () => {
    const p = project('m365agents.yml');
    expect(p.provision!.map((a) => a.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update', // its identifier URI needs BOT_DOMAIN, an output of arm/deploy
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const arm = p.provision!.find((a) => a.uses === 'arm/deploy')!;
    const [template] = arm.with!.templates as { path: string; parameters: string }[];
    expect(fs.existsSync(path.join(root, template.path))).toBe(true);
    expect(fs.existsSync(path.join(root, template.parameters))).toBe(true);
    const sso = p.provision!.find((a) => a.uses === 'aadApp/create')!;
    // The tab's sign-on app keeps no secret; the bot has a managed identity.
    expect(sso.with).toMatchObject({ generateClientSecret: false });

    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    const npmArgs = p
      .deploy!.filter((a) => a.uses === 'cli/runNpmCommand')
      .map((a) => String(a.with!.args));
    expect(npmArgs[0]).toMatch(/^ci\b/);
    for (const args of npmArgs.slice(1)) {
      expect(scripts[args.replace(/^run /, '')]).toBeDefined();
    }
    const zipDeploy = p.deploy!.find((a) => a.uses === 'azureAppService/zipDeploy')!;
    expect(zipDeploy.with).toEqual({
      artifactFolder: './build/azure',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    expect(read('scripts/stage-azure.mjs')).toContain("path.join(root, 'build', 'azure')");
    expect(p.publish!.map((a) => a.uses).at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('builds one manifest for every environment, filled from its own env file', () => {
    for (const [name, file] of Object.entries(ENVIRONMENTS)) {
      const zips = actions(project(file))
        .filter((a) => a.uses === 'teamsApp/zipAppPackage')
        .map((a) => a.with);
      expect(zips.length).toBeGreaterThan(0);
      for (const zip of zips)
        expect(zip).toEqual({
          manifestPath: './appPackage/manifest.json',
          outputZipPath: './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip',
          outputFolder: './appPackage/build',
        });
      expect(envFile(name).TEAMSFX_ENV).toBe(name);
    }
    expect(envFile('playground').TEAMSFX_ENV).toBe('playground');
  });

  it('has a source for every placeholder: the env file, an earlier step, the bicep or a secret', () => {
    const files = {
      dev: [
        'm365agents.yml',
        'appPackage/manifest.json',
        'aad.manifest.json',
        'infra/azure.parameters.json',
      ],
      local: ['m365agents.local.yml', 'appPackage/manifest.json', 'aad.manifest.json'],
    };
    for (const [name, file] of Object.entries(ENVIRONMENTS)) {
      const p = project(file);
      const committed = read(`env/.env.${name}`);
      const known = new Set([
        ...Object.keys(envFile(name)),
        ...written(p),
        ...(name === 'dev' ? bicepOutputs() : []),
      ]);
      const used = new Set(files[name as keyof typeof files].flatMap((f) => placeholders(read(f))));
      for (const variable of used) {
        const documentedSecret =
          variable.startsWith('SECRET_') && committed.includes(`${variable}=`);
        expect({ variable, known: known.has(variable) || documentedSecret }).toEqual({
          variable,
          known: true,
        });
      }
      // And the env file lists what provision writes, so a reader sees the whole environment.
      const listed = Object.keys(envFile(name));
      for (const variable of [...written(p), ...(name === 'dev' ? bicepOutputs() : [])])
        if (!variable.startsWith('SECRET_')) expect(listed).toContain(variable);
    }
  });

  it('fills every placeholder of the parameters file before arm/deploy runs', () => {
    // The Toolkit refuses a deployment while any ${{…}} in the file is unset or empty, so each
    // must come from a step before arm/deploy, a value the env file sets, the suffix the Toolkit
    // generates, or a secret the env file tells the reader to set.
    const p = project('m365agents.yml');
    const arm = p.provision!.findIndex((a) => a.uses === 'arm/deploy');
    const before = p
      .provision!.slice(0, arm)
      .flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    const set = Object.entries(envFile('dev'))
      .filter(([, value]) => value !== '')
      .map(([key]) => key);
    const committed = read('env/.env.dev');
    for (const variable of placeholders(read('infra/azure.parameters.json'))) {
      const filled =
        before.includes(variable) ||
        set.includes(variable) ||
        variable === 'RESOURCE_SUFFIX' ||
        (variable.startsWith('SECRET_') && committed.includes(`#   ${variable}=`));
      expect({ variable, filled }).toEqual({ variable, filled: true });
    }
  });

  it('keeps secrets out of git: SECRET_ names, only in git-ignored .user files', () => {
    const committed = fs.readdirSync(path.join(root, 'env')).filter((f) => !f.endsWith('.user'));
    expect(committed).toEqual(
      expect.arrayContaining(['.env.dev', '.env.local', '.env.playground']),
    );
    for (const file of committed) {
      const keys = Object.keys(parseEnv(read(`env/${file}`)));
      expect(keys.filter((key) => /SECRET|PASSWORD/.test(key))).toEqual([]);
    }
    for (const file of PROJECT_FILES) {
      for (const action of actions(project(file))) {
        const secret = action.writeToEnvironmentFile?.clientSecret;
        if (secret !== undefined) expect(secret).toMatch(/^SECRET_/);
      }
    }
    const ignored = spawnSync(
      'git',
      [
        'check-ignore',
        '--no-index',
        'env/.env.dev.user',
        'env/.env.local.user',
        '.localConfigs',
        '.localConfigs.playground',
        'build/azure/package.json',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(ignored.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('writes for the local app what it accepts: the bot registration and Teams sign-on', () => {
    const values: Record<string, string> = {
      ...provisioned('local'),
      SECRET_BOT_PASSWORD: 'a-client-secret',
    };
    const env = appEnvironment(project('m365agents.local.yml'), './.localConfigs', values);
    const config = loadConfig(env);
    expect(config.botAuth).toMatchObject({ mode: 'botframework', appId: values.BOT_ID });
    expect(config.host).toBe('127.0.0.1');
    expect(config.auth).toMatchObject({
      mode: 'entra',
      audiences: [
        `api://${values.BOT_DOMAIN}/${values.AAD_APP_CLIENT_ID}`,
        values.AAD_APP_CLIENT_ID,
      ],
      tenantId: values.AAD_APP_TENANT_ID,
    });
    const botEndpoint = project('m365agents.local.yml').provision!.find(
      (a) => a.uses === 'botFramework/create',
    )!.with!.messagingEndpoint;
    expect(botEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
  });

  it('runs the Playground against the app with no registration at all', () => {
    const env = appEnvironment(
      project('m365agents.playground.yml'),
      './.localConfigs.playground',
      provisioned('playground'),
    );
    const config = loadConfig(env);
    expect(config.botAuth).toEqual({ mode: 'anonymous' });
    expect(config.auth.mode).toBe('dev');
    expect(config.port).toBe(3978);
  });

  it('gives VS Code "Debug in Teams" and "Debug in Microsoft 365 Agents Playground"', () => {
    interface Task {
      label: string;
      type?: string;
      command?: string;
      dependsOn?: string[];
      args?: { env?: string };
    }
    const launch = JSON.parse(read('.vscode/launch.json')) as {
      configurations: { name: string }[];
      compounds: { name: string; configurations: string[]; preLaunchTask: string }[];
    };
    const { tasks } = JSON.parse(read('.vscode/tasks.json')) as { tasks: Task[] };
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    const labels = new Set(tasks.map((t) => t.label));
    const configurations = new Set(launch.configurations.map((c) => c.name));

    expect(launch.compounds.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Debug in Teams (Edge)',
        'Debug in Teams (Chrome)',
        'Debug in Microsoft 365 Agents Playground',
      ]),
    );
    for (const compound of launch.compounds) {
      expect(labels).toContain(compound.preLaunchTask);
      for (const name of compound.configurations) expect(configurations).toContain(name);
    }
    for (const task of tasks) {
      for (const dependency of task.dependsOn ?? []) expect(labels).toContain(dependency);
      if (task.type === 'teamsfx' && task.args?.env !== undefined) {
        expect(fs.existsSync(path.join(root, 'env', `.env.${task.args.env}`))).toBe(true);
      }
      const script = /^npm run (\S+)$/.exec(task.command ?? '')?.[1];
      if (task.type === 'shell') expect(script && scripts[script]).toBeTruthy();
    }
    // The debugger attaches where the dev scripts listen for it.
    expect(scripts['dev:teamsfx']).toContain('--env-file=.localConfigs ');
    expect(scripts['dev:teamsfx']).toContain('--inspect=9239');
    expect(scripts['dev:teamsfx:playground']).toContain('--env-file=.localConfigs.playground ');
  });
});

describe('Agents Toolkit project, checked by the Toolkit CLI', () => {
  const cli = agentsToolkitCli();
  if (!cli.available) process.stderr.write(`[toolkit] skipping the CLI checks: ${cli.reason}\n`);
  const withCli = cli.available ? it : it.skip;

  withCli('satisfies the Toolkit’s v1.11 yaml schema', () => {
    if (!cli.available) return;
    const schemaFile = path.join(
      cli.packageDir,
      'resource',
      'yaml-schema',
      'v1.11',
      'yaml.schema.json',
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
    for (const file of PROJECT_FILES) {
      validate(project(file));
      expect({ file, errors: validate.errors ?? [] }).toEqual({ file, errors: [] });
    }
    const broken = { ...project('m365agents.yml'), provision: [{ uses: 'arm/deploy', with: {} }] };
    expect(validate(broken)).toBe(false);
  });

  withCli(
    'passes `atk validate` on the manifest of every environment, filled as provision fills it',
    () => {
      if (!cli.available) return;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-atk-'));
      try {
        for (const name of Object.keys(ENVIRONMENTS)) {
          const file = path.join(dir, `.env.${name}`);
          const values = provisioned(name);
          fs.writeFileSync(
            file,
            Object.entries(values)
              .map(([k, v]) => `${k}=${v}\n`)
              .join(''),
          );
          const { status, output } = runAtk(
            cli,
            [
              'validate',
              '--manifest-file',
              'appPackage/manifest.json',
              '--env-file',
              file,
              '--folder',
              root,
            ],
            root,
          );
          expect({ name, status, output }).toEqual({
            name,
            status: 0,
            output: expect.stringContaining('All passed') as string,
          });
        }
        // The same check refuses an environment that leaves a placeholder unfilled.
        const unfilled = path.join(dir, '.env.unfilled');
        const rest = Object.entries(provisioned('dev')).filter(([k]) => k !== 'AAD_APP_CLIENT_ID');
        fs.writeFileSync(unfilled, rest.map(([k, v]) => `${k}=${v}\n`).join(''));
        const refused = runAtk(
          cli,
          [
            'validate',
            '--manifest-file',
            'appPackage/manifest.json',
            '--env-file',
            unfilled,
            '--folder',
            root,
          ],
          root,
        );
        expect(refused.status).not.toBe(0);
        expect(refused.output).toContain('AAD_APP_CLIENT_ID');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
