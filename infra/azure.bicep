// Rapport on Azure: App Service (Linux, Node 20) + Azure Bot (Teams channel) signed in with a
// user-assigned managed identity + Key Vault holding the database connection string + Azure
// Cosmos DB for MongoDB (vCore), or a MongoDB you already run (Atlas, your own).
//
// The Agents Toolkit deploys it (`atk provision --env dev`, m365agents.yml's arm/deploy step) with
// infra/azure.parameters.json, whose ${{...}} placeholders it fills from env/.env.dev and the
// git-ignored env/.env.dev.user. The upper-case outputs are written back into env/.env.dev.
//
// Why vCore (Microsoft.DocumentDB/mongoClusters) and not the RU-based account
// (databaseAccounts, kind MongoDB): the RU-based API only sorts on fields that have a matching
// index (error 2 "BadValue ... order-by item is excluded"), and several of Rapport's queries
// sort on fields without one. vCore runs a MongoDB-compatible engine on which they work
// unchanged, with no request-unit throttling for the scheduler and outbox to trip over.
//
// No secret is stored for the bot: it signs in to the Bot Framework with the managed identity
// (BOT_TYPE=UserAssignedMsi), which also reads the connection string from Key Vault for the
// app settings' Key Vault reference. The tab's single sign-on uses its own Entra app
// (aadAppClientId, created by the Toolkit's aadApp/create), which needs no secret either:
// the server only checks the tokens Teams hands the tab.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Azure region for the web app, the vault and the database. The bot itself is global.')
param location string = resourceGroup().location

@description('Lower-case prefix of every resource name; a hash of the resource group keeps names unique.')
@minLength(2)
@maxLength(16)
param resourceBaseName string = 'rapport'

@description('App Service plan SKU. B1 is the smallest with Always On; use P0v3 or P1v3 in production.')
param appServiceSku string = 'B1'

@description('Instances of the web app. Two or more share the work: the scheduler\'s leases and the outbox\'s lock live in the database.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Node.js runtime of the web app. package.json accepts Node 20.19+ and 22.')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '20-lts'

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the bot in Azure.')
@maxLength(42)
param botDisplayName string = 'Rapport'

@description('The Teams app id (manifest "id"): deep links to the tab use it.')
param teamsAppId string

@description('Client id of the tab\'s single sign-on Entra app (manifest webApplicationInfo.id).')
param aadAppClientId string

@description('Tenant whose users may call the tab API. Empty: the tenant of this deployment.')
param authTenantId string = ''

@secure()
@description('A MongoDB connection string (mongodb:// or mongodb+srv://) to use instead of creating a Cosmos DB for MongoDB (vCore) cluster. Empty: create the cluster.')
param mongoConnectionString string = ''

@description('Administrator user of the MongoDB cluster (the app connects as this user).')
param mongoAdminUser string = 'rapportadmin'

@secure()
@description('Administrator password of the MongoDB cluster: 8-256 characters from at least three of upper case, lower case, digits and symbols. Unused with mongoConnectionString.')
param mongoAdminPassword string = ''

@description('MongoDB cluster compute tier: M10/M20/M25 are burstable and cheapest; M30+ for production with high availability.')
param mongoComputeTier string = 'M10'

@description('Disk size of the MongoDB cluster in GiB.')
param mongoStorageGb int = 32

@description('Disabled, SameZone or ZoneRedundantPreferred (not on burstable tiers).')
@allowed([
  'Disabled'
  'SameZone'
  'ZoneRedundantPreferred'
])
param mongoHighAvailability string = 'Disabled'

@description('MongoDB server version of the cluster (Rapport needs 6.0 or later).')
@allowed([
  '6.0'
  '7.0'
  '8.0'
])
param mongoServerVersion string = '7.0'

@description('Database Rapport uses; MongoDB creates it on the first write, with the app\'s indexes.')
param mongoDatabase string = 'rapport'

@description('Log level of the app: debug, info, warn or error.')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Resource tags.')
param tags object = {
  app: 'rapport'
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var identityName = '${resourceBaseName}-id-${suffix}'
var vaultName = 'kv${suffix}' // 3-24 letters and digits
var planName = '${resourceBaseName}-plan-${suffix}'
var webAppName = '${resourceBaseName}-${suffix}'
var botName = '${resourceBaseName}-bot-${suffix}'
var mongoClusterName = toLower('${resourceBaseName}-db-${suffix}')
var workspaceName = '${resourceBaseName}-logs-${suffix}'
var insightsName = '${resourceBaseName}-insights-${suffix}'
var createCluster = empty(mongoConnectionString)
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUser = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)

// ---------------------------------------------------------------------------------------------
// Identity: the bot's Microsoft App ID, and who reads the vault for the app settings
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Database: Azure Cosmos DB for MongoDB (vCore), unless a connection string is given
// ---------------------------------------------------------------------------------------------

resource mongoCluster 'Microsoft.DocumentDB/mongoClusters@2025-09-01' = if (createCluster) {
  name: mongoClusterName
  location: location
  tags: tags
  properties: {
    administrator: {
      userName: mongoAdminUser
      password: mongoAdminPassword
    }
    authConfig: {
      allowedModes: [
        'NativeAuth'
      ]
    }
    serverVersion: mongoServerVersion
    compute: {
      tier: mongoComputeTier
    }
    storage: {
      sizeGb: mongoStorageGb
    }
    sharding: {
      shardCount: 1
    }
    highAvailability: {
      targetMode: mongoHighAvailability
    }
    publicNetworkAccess: 'Enabled'
  }
}

// 0.0.0.0-0.0.0.0 is the cluster's "allow Azure services" rule: the web app's outbound addresses
// change with its scale unit, so pinning them would break on a scale-out. Connections still need
// TLS and the admin password. For stricter isolation use a private endpoint + VNet integration.
resource mongoFirewallAzure 'Microsoft.DocumentDB/mongoClusters/firewallRules@2025-09-01' = if (createCluster) {
  parent: mongoCluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// The cluster reports its connection string with "<user>" and "<password>" placeholders, e.g.
// mongodb+srv://<user>:<password>@<name>.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000
var clusterUri = replace(
  replace(mongoCluster!.properties.connectionString, '<user>', uriComponent(mongoAdminUser)),
  '<password>',
  uriComponent(mongoAdminPassword)
)
var mongoUri = createCluster ? clusterUri : mongoConnectionString

// ---------------------------------------------------------------------------------------------
// Key Vault: the connection string, read by the identity for the app settings
// ---------------------------------------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource mongoUriSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: {
    value: mongoUri
    contentType: 'MongoDB connection string'
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Application Insights: the app exports its traces and metrics there (OpenTelemetry) when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set; they carry no personal data.
// ---------------------------------------------------------------------------------------------

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

// ---------------------------------------------------------------------------------------------
// Web app: Linux App Service, Node 20, running the prebuilt zip
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // any instance serves any request
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      // The zip holds dist/, tab/dist/ and production node_modules already built, so start the
      // compiled server directly: `npm start` would run prestart, which builds (dev deps needed).
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/src/index.js'
      alwaysOn: true // the scheduler sends check-ins and nudges: the process must not idle out
      // Ready to serve: the database reachable and the schema prepared. App Service takes an
      // instance that keeps failing it out of the load balancer and replaces it.
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
    }
  }
}

var appHostName = webApp.properties.defaultHostName
var applicationIdUri = 'api://${appHostName}/${aadAppClientId}'

// App settings in their own resource so that they can use the host name App Service assigned,
// and after the role assignment, so the Key Vault reference resolves on the first start.
// App Service sets PORT itself. Empty values count as unset for the app.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    HOST: '0.0.0.0'
    MONGODB_URI: '@Microsoft.KeyVault(SecretUri=${mongoUriSecret.properties.secretUri})'
    MONGODB_DB: mongoDatabase
    BOT_ID: identity.properties.clientId
    BOT_TYPE: 'UserAssignedMsi'
    BOT_TENANT_ID: identity.properties.tenantId
    AUTH_MODE: 'entra'
    // v1 SSO tokens carry the Application ID URI as "aud", v2 tokens the client id: accept both.
    AUTH_AUDIENCE: '${applicationIdUri},${aadAppClientId}'
    AUTH_TENANT_ID: empty(authTenantId) ? tenant().tenantId : authTenantId
    TEAMS_APP_ID: teamsAppId
    LOG_LEVEL: logLevel
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    // The zip is deployed already built: no Oryx build on the server.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
  dependsOn: [
    vaultReader
    mongoFirewallAzure
  ]
}

// ---------------------------------------------------------------------------------------------
// Azure Bot with the Microsoft Teams channel, signed in with the managed identity
// ---------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs: the Agents Toolkit writes these into env/.env.<environment>
// ---------------------------------------------------------------------------------------------

@description('The web app, for azureAppService/zipDeploy.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id

@description('The web app\'s host name: BOT_DOMAIN in the manifest and the Entra app\'s identifier URI.')
output BOT_DOMAIN string = appHostName

@description('The web app\'s address.')
output BOT_ENDPOINT string = 'https://${appHostName}'

@description('The bot\'s Microsoft App ID: the managed identity\'s client id.')
output BOT_ID string = identity.properties.clientId

@description('The managed identity\'s tenant.')
output BOT_TENANT_ID string = identity.properties.tenantId

@description('The Azure Bot resource name.')
output BOT_AZURE_NAME string = bot.name

@description('The Key Vault holding the connection string.')
output KEY_VAULT_NAME string = vault.name
