// Rapport on Azure: App Service (Linux, Node 20) + Azure Bot (Teams channel) +
// Azure Cosmos DB for MongoDB (vCore).
//
//   az deployment group create -g <group> -f infra/azure.bicep -p @infra/azure.parameters.json \
//     -p botPassword=<client secret> -p mongoAdminPassword=<password>
//
// Why vCore (Microsoft.DocumentDB/mongoClusters) and not the RU-based account
// (databaseAccounts, kind MongoDB): the RU-based API only sorts on fields that have a matching
// index (error 2 "BadValue ... order-by item is excluded"), and several of Rapport's queries
// sort on fields or field pairs without one (members by name, rounds by week, the outbox by
// notBefore + _id, personal-data export by createdAt). vCore runs a real MongoDB-compatible
// engine: those queries, and everything else the app uses (it already avoids $lookup, $facet,
// TTL and partial indexes for FerretDB), work unchanged. It also has no request-unit throttling
// for the scheduler and outbox to trip over.
//
// Secrets: the bot's client secret and the cluster's admin password arrive as @secure()
// parameters and go straight into the web app's app settings (encrypted at rest, never in the
// deployment's outputs or history). A Key Vault with Key Vault references would add a vault, an
// identity and a role assignment for no gain in this one-app setup; see the README for how to
// move to it.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Azure region for the web app and the database. The bot itself is global.')
param location string = resourceGroup().location

@description('Lower-case prefix of every resource name; a hash of the resource group keeps names unique.')
@minLength(2)
@maxLength(16)
param baseName string = 'rapport'

@description('App Service plan SKU. B1 is the smallest with Always On; use P0v3 or P1v3 in production.')
param appServiceSku string = 'B1'

@description('Node.js runtime of the web app. package.json accepts Node 20.19+ and 22.')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '20-lts'

@description('The bot\'s Microsoft App ID: the client id of its Entra app registration (also the tab\'s SSO app).')
param botId string

@secure()
@description('A client secret of that app registration.')
param botPassword string

@description('SingleTenant (Azure no longer creates new multi-tenant bots) or MultiTenant for an existing multi-tenant registration.')
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param botType string = 'SingleTenant'

@description('Entra tenant of the bot\'s app registration.')
param botTenantId string = tenant().tenantId

@description('Tenant whose users may call the tab API. Empty: the bot\'s tenant for SingleTenant, any tenant for MultiTenant.')
param authTenantId string = ''

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Rapport'

@description('The Teams app id (manifest "id"), a GUID you choose once and keep: deep links use it.')
param teamsAppId string

@description('Administrator user of the MongoDB cluster (the app connects as this user).')
param mongoAdminUser string = 'rapportadmin'

@secure()
@minLength(8)
@description('Administrator password of the MongoDB cluster: 8-256 characters from at least three of upper case, lower case, digits and symbols.')
param mongoAdminPassword string

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

var suffix = uniqueString(resourceGroup().id, baseName)
var planName = '${baseName}-plan-${suffix}'
var webAppName = '${baseName}-${suffix}'
var botName = '${baseName}-bot-${suffix}'
var mongoClusterName = toLower('${baseName}-db-${suffix}')

// ---------------------------------------------------------------------------------------------
// Database: Azure Cosmos DB for MongoDB (vCore)
// ---------------------------------------------------------------------------------------------

resource mongoCluster 'Microsoft.DocumentDB/mongoClusters@2025-09-01' = {
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
resource mongoFirewallAzure 'Microsoft.DocumentDB/mongoClusters/firewallRules@2025-09-01' = {
  parent: mongoCluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// The cluster reports its connection string with "<user>" and "<password>" placeholders, e.g.
// mongodb+srv://<user>:<password>@<name>.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000
var mongoUri = replace(
  replace(mongoCluster.properties.connectionString, '<user>', uriComponent(mongoAdminUser)),
  '<password>',
  uriComponent(mongoAdminPassword)
)

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
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      // The zip holds dist/, tab/dist/ and production node_modules already built, so start the
      // compiled server directly: `npm start` would run prestart, which builds (dev deps needed).
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/src/index.js'
      alwaysOn: true // the scheduler sends check-ins and nudges: the process must not idle out
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
    }
  }
}

var appHostName = webApp.properties.defaultHostName
var applicationIdUri = 'api://${appHostName}/botid-${botId}'
var effectiveAuthTenantId = !empty(authTenantId) ? authTenantId : (botType == 'SingleTenant' ? botTenantId : '')

// App settings in their own resource so that they can use the host name App Service assigned.
// App Service sets PORT itself. Empty values count as unset for the app.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    HOST: '0.0.0.0'
    MONGODB_URI: mongoUri
    MONGODB_DB: mongoDatabase
    BOT_ID: botId
    BOT_PASSWORD: botPassword
    BOT_TYPE: botType
    BOT_TENANT_ID: botType == 'SingleTenant' ? botTenantId : ''
    AUTH_MODE: 'entra'
    // v1 SSO tokens carry the Application ID URI as "aud", v2 tokens the client id: accept both.
    AUTH_AUDIENCE: '${applicationIdUri},${botId}'
    AUTH_TENANT_ID: effectiveAuthTenantId
    TEAMS_APP_ID: teamsAppId
    LOG_LEVEL: logLevel
    // The zip is deployed already built: no Oryx build on the server.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
  dependsOn: [
    mongoFirewallAzure
  ]
}

// ---------------------------------------------------------------------------------------------
// Azure Bot with the Microsoft Teams channel
// ---------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: union(
    {
      displayName: botDisplayName
      endpoint: 'https://${appHostName}/api/messages'
      msaAppId: botId
      msaAppType: botType
    },
    botType == 'SingleTenant' ? { msaAppTenantId: botTenantId } : {}
  )
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
// Outputs
// ---------------------------------------------------------------------------------------------

@description('The web app\'s name, for az webapp deploy.')
output webAppName string = webApp.name

@description('The web app\'s host name: BOT_DOMAIN for npm run package.')
output webAppHostName string = appHostName

@description('The bot\'s messaging endpoint.')
output messagingEndpoint string = 'https://${appHostName}/api/messages'

@description('The bot\'s Microsoft App ID (BOT_ID).')
output botId string = botId

@description('The Application ID URI to set on the app registration (manifest webApplicationInfo.resource).')
output applicationIdUri string = applicationIdUri

@description('The Azure Bot resource name.')
output botName string = bot.name

@description('The MongoDB cluster name.')
output mongoClusterName string = mongoCluster.name
