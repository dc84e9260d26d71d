// Key Vault (RBAC mode) holding the channel secrets. The Function App reads them through
// @Microsoft.KeyVault(SecretUri=...) app settings with its user-assigned identity (Key Vault Secrets User).
// The secret values come from azd environment values on every provision: see infra/README.md for rotation.
param name string
param location string
param tags object
param appPrincipalId string

@secure()
param wechatAppSecret string
@secure()
param weiboAccessToken string
@secure()
param smsSecretId string
@secure()
param smsSecretKey string

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
    softDeleteRetentionInDays: 30
    publicNetworkAccess: 'Enabled'
  }
}

resource wechat 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'wechat-app-secret'
  properties: { value: wechatAppSecret }
}

resource weibo 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'weibo-access-token'
  properties: { value: weiboAccessToken }
}

resource smsId 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sms-secret-id'
  properties: { value: smsSecretId }
}

resource smsKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sms-secret-key'
  properties: { value: smsSecretKey }
}

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

// App setting values: versionless secret URIs, so a rotated secret is picked up without touching the settings.
output references object = {
  wechatAppSecret: '@Microsoft.KeyVault(SecretUri=${wechat.properties.secretUri})'
  weiboAccessToken: '@Microsoft.KeyVault(SecretUri=${weibo.properties.secretUri})'
  smsSecretId: '@Microsoft.KeyVault(SecretUri=${smsId.properties.secretUri})'
  smsSecretKey: '@Microsoft.KeyVault(SecretUri=${smsKey.properties.secretUri})'
}
