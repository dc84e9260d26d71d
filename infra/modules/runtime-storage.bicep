// The Functions runtime's own account: AzureWebJobsStorage (host keys and leases), the Durable Functions task hub
// "channels" (control and work-item queues, history and instances tables, lease and large-message containers) and the
// Flex Consumption deployment package. It holds no application data, so the app identity's account-wide roles here —
// what the Functions host and the Durable Azure Storage provider require
// (https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-configure-managed-identity) — reach
// neither the ledger nor the archive, which live in the data account (storage.bicep) behind scoped roles.
param name string
param location string
param tags object
param deploymentContainerName string

@description('Principal id of the Function App identity, granted the roles the host and the task hub need on this account.')
param appPrincipalId string

var roles = {
  // Host keys and leases, Durable leases and large messages, the deployment package.
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Durable control and work-item queues.
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Durable history and instances tables.
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
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

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource runtimeRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(account.id, appPrincipalId, role.value)
    scope: account
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

output name string = account.name
output deploymentContainerName string = deploymentContainer.name
