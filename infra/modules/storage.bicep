// The app's data account: the ledger and statistics tables, the archive (legal evidence: blob versioning plus a
// version-level WORM policy), the bulletin exports and the $web static site. Shared keys are off. The app identity holds
// data roles on exactly the containers and tables below, never on the account: it cannot create, list or delete others.
// (The Functions host and the Durable task hub live in their own account: runtime-storage.bicep.)
param name string
param location string
param tags object

@description('Principal id of the Function App identity, granted the scoped data roles below.')
param appPrincipalId string

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
@description('Redundancy of the data account (ZRS or GZRS where the region offers it: the archive is legal evidence).')
param skuName string

@minValue(1)
@maxValue(146000)
@description('Days each archive blob version stays immutable (WORM) after it was written.')
param archiveRetentionDays int

// The tables and containers Channels.Publishing/Storage/ChannelsStorage.cs opens (infra/check.sh compares the lists).
// A new table in the app is one more name here.
var appTables = [
  'publications', 'deliveries', 'delivered', 'statversions', 'smsreceipts', 'channelstate', 'alerts', 'smsaudiences', 'smsoptouts', 'attachmentuses'
]
var writableContainers = ['bulletin', '$web']

// Built-in role ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

// Versioning keeps every overwritten or deleted blob as a previous version; soft delete covers blobs and containers.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

// Version-level WORM (https://learn.microsoft.com/azure/storage/blobs/immutable-version-level-worm-policies): the app
// may still overwrite a listing document — the overwrite makes a new version — but no version can be changed or
// deleted before its retention ends. The policy is left unlocked: locking it is irreversible, a decision for the office.
resource archive 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'archive'
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: { enabled: true }
  }
}

resource archivePolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = {
  parent: archive
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for container in writableContainers: {
    parent: blobService
    name: container
    properties: { publicAccess: 'None' }
  }
]

// Versioning is for the archive's sake; the site and the bulletin are rebuilt from the ledger, so their previous
// versions (every republished page makes one) are deleted after 30 days. Archive versions are never touched here.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-previous-versions-of-rebuildable-containers'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: [for c in writableContainers: '${c}/'] }
            actions: { version: { delete: { daysAfterCreationGreaterThan: 30 } } }
          }
        }
      ]
    }
  }
  dependsOn: [blobService]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for table in appTables: {
    parent: tableService
    name: table
  }
]

resource archiveRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive.id, appPrincipalId, blobDataContributor)
  scope: archive
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
  }
}

resource containerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in writableContainers: {
    name: guid(containers[i].id, appPrincipalId, blobDataContributor)
    scope: containers[i]
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    }
  }
]

resource tableRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (table, i) in appTables: {
    name: guid(tables[i].id, appPrincipalId, tableDataContributor)
    scope: tables[i]
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    }
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
