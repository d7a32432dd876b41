import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { bicepParser, type ParsedBicep } from '../../support/bicep-parser';

/**
 * infra/azure.bicep, parsed (see test/support/bicep-parser.ts for why not compiled): what it
 * promises the operator (no bot secret, the connection string in Key Vault, HTTPS only, a
 * readiness probe, room for several instances) and what it hands the app (settings the app's
 * own configuration accepts).
 */

const root = path.resolve(__dirname, '..', '..', '..');
const parser = bicepParser();
if (!parser.available)
  process.stderr.write(`[bicep] skipping the template checks: ${parser.reason}\n`);
const withParser = parser.available ? it : it.skip;

/** Key Vault Secrets User, the built-in role that reads secret values and nothing else. */
const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

let template: ParsedBicep;
beforeAll(() => {
  if (parser.available) template = parser.parse(path.join(root, 'infra', 'azure.bicep'));
});

/** How the parser writes `resource.property`. */
const accessor = (resource: string, property: unknown): unknown => ({
  operator: { type: 'property_accessor', operands: { operand_1: resource, operand_2: property } },
});

const config = (name: string) => template.resources[name].config;
const props = (name: string) => config(name).properties as Record<string, unknown>;

describe('infra/azure.bicep', () => {
  withParser('takes from its parameters file only parameters it declares, and all it needs', () => {
    const file = JSON.parse(
      fs.readFileSync(path.join(root, 'infra', 'azure.parameters.json'), 'utf8'),
    ) as { parameters: Record<string, unknown> };
    const given = Object.keys(file.parameters);
    const declared = Object.keys(template.parameters);
    expect(given.filter((name) => !declared.includes(name))).toEqual([]);
    const required = declared.filter((name) => template.parameters[name].default === null);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  withParser(
    'signs the bot in with a user-assigned managed identity and stores no bot secret',
    () => {
      expect(props('bot')).toMatchObject({
        msaAppType: 'UserAssignedMSI',
        msaAppMSIResourceId: accessor('identity', 'id'),
      });
      expect(template.resources.identity.type).toBe(
        'Microsoft.ManagedIdentity/userAssignedIdentities',
      );
      expect(config('webApp').identity).toMatchObject({ type: 'UserAssigned' });
      const settings = props('appSettings');
      expect(settings.BOT_TYPE).toBe('UserAssignedMsi');
      expect(Object.keys(settings)).not.toContain('BOT_PASSWORD');
      expect(
        Object.keys(template.parameters).filter((name) => /^bot.*(password|secret)/i.test(name)),
      ).toEqual([]);
    },
  );

  withParser('reads the database connection string from Key Vault, through that identity', () => {
    expect(props('appSettings').MONGODB_URI).toBe(
      '@Microsoft.KeyVault(SecretUri=${mongoUriSecret.properties.secretUri})',
    );
    expect(config('mongoUriSecret').parent).toBe('vault');
    expect(props('vault')).toMatchObject({ enableRbacAuthorization: true });
    expect(props('webApp').keyVaultReferenceIdentity).toEqual(accessor('identity', 'id'));
    expect(props('vaultReader').roleDefinitionId).toBe('keyVaultSecretsUser');
    expect(JSON.stringify(template.variables.keyVaultSecretsUser)).toContain(SECRETS_USER);
    expect(config('vaultReader').scope).toBe('vault');
    // The reference resolves on the first start only if the role is there before the settings.
    expect(config('appSettings').dependsOn).toContain('vaultReader');
  });

  withParser('serves HTTPS only, probes /readyz, and may run two or more instances', () => {
    const site = props('webApp');
    expect(site).toMatchObject({ httpsOnly: true, clientAffinityEnabled: false });
    expect(site.siteConfig).toMatchObject({
      healthCheckPath: '/readyz',
      minTlsVersion: '1.2',
      ftpsState: 'Disabled',
    });
    expect(config('plan').sku).toMatchObject({ capacity: 'instanceCount' });
    const instances = template.parameters.instanceCount.decorators.find(
      (d) => d.type === 'max_value',
    );
    expect(Number(instances?.argument)).toBeGreaterThanOrEqual(2);
  });

  withParser('hands the app an Application Insights connection string, kept in a workspace', () => {
    expect(props('appSettings').APPLICATIONINSIGHTS_CONNECTION_STRING).toEqual(
      accessor('insights', accessor('properties', 'ConnectionString')),
    );
    expect(props('insights').WorkspaceResourceId).toEqual(accessor('workspace', 'id'));
  });

  withParser('gives the app settings its own configuration accepts', () => {
    // What App Service fills in for the expressions, as a deployment would.
    const deployed: Record<string, string> = {
      MONGODB_URI: 'mongodb+srv://rapportadmin:pw@rapport-db.global.mongocluster.cosmos.azure.com/',
      MONGODB_DB: 'rapport',
      BOT_ID: '0e2f1a3b-1111-4222-8333-444444444444',
      BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      AUTH_AUDIENCE:
        'api://rapport-abc.azurewebsites.net/5b1c2d3e-1111-4222-8333-444444444444,5b1c2d3e-1111-4222-8333-444444444444',
      AUTH_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      TEAMS_APP_ID: '6a7b8c9d-1111-4222-8333-444444444444',
      LOG_LEVEL: 'info',
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=7d1e2f3a-1111-4222-8333-444444444444;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
    };
    const settings = props('appSettings');
    const env: Record<string, string> = { PORT: '8080' };
    for (const [name, value] of Object.entries(settings)) {
      if (name.startsWith('SCM_') || name.startsWith('WEBSITE_')) continue;
      env[name] = deployed[name] ?? String(value);
      expect({ name, known: typeof value === 'string' || name in deployed }).toEqual({
        name,
        known: true,
      });
    }
    const app = loadConfig(env);
    expect(app.botAuth).toEqual({
      mode: 'botframework',
      appId: deployed.BOT_ID,
      password: undefined,
      type: 'UserAssignedMsi',
      tenantId: deployed.BOT_TENANT_ID,
    });
    expect(app.host).toBe('0.0.0.0');
    expect(app.database.kind).toBe('external');
    expect(app.auth.mode).toBe('entra');
  });
});
