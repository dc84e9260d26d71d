// Key Vault (RBAC mode, purge protection on) holding every secret the app reads: the four channel credentials, the
// three access keys (reader/editor/admin) and the two callback tokens (WeChat event token, SMS receipt token). The
// Function App reads them through @Microsoft.KeyVault(SecretUri=...) app settings with its user-assigned identity
// (Key Vault Secrets User). Values come from azd environment values on every provision: see docs/deploy.md.
param name string
param location string
param tags object
param appPrincipalId string

@description('Names of the secrets to store; each becomes a reference in the output.')
param secretNames string[]

@description('Secret name → value, for every name in secretNames.')
@secure()
param secretValues object

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Once on it cannot be switched off: a deleted vault or secret stays recoverable for the 90 days above.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secretName in secretNames: {
    parent: vault
    name: secretName
    properties: { value: secretValues[secretName], contentType: 'text/plain' }
  }
]

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri

// App setting values by secret name: versionless secret URIs (https://<vault>.vault.azure.net/secrets/<name>), so a
// rotated secret is picked up without touching the settings. The module ends after every secret above exists.
output references object = toObject(secretNames, n => n, n => '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${n})')
