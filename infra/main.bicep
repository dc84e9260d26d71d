// Channels on Azure: one resource group per azd environment holding the Function App (Flex Consumption),
// its storage (Durable task hub, ledger tables, $web static site, bulletin exports), monitoring, the Key Vault
// with the channel secrets, and the identities. Plain resource declarations: see infra/README.md for why.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment (e.g. furong-prod); part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan.')
param location string

@description('WeChat Official Account AppId (public).')
param wechatAppId string

@secure()
@minLength(1)
@description('WeChat Official Account AppSecret; stored in Key Vault only.')
param wechatAppSecret string

@description('Permanent cover image (thumb) media id used for every WeChat article; empty = the app uploads a plain cover once.')
param wechatThumbMediaId string

@secure()
@minLength(1)
@description('Weibo access token of the office account; stored in Key Vault only.')
param weiboAccessToken string

@description('IP sent to Weibo as rip; empty = the static egress IP when staticEgressIp is on.')
param weiboRip string = ''

@secure()
@minLength(1)
@description('Tencent Cloud API SecretId for SMS; stored in Key Vault only.')
param smsSecretId string

@secure()
@minLength(1)
@description('Tencent Cloud API SecretKey for SMS; stored in Key Vault only.')
param smsSecretKey string

@description('Tencent Cloud SMS SdkAppId (public).')
param smsSdkAppId string

@description('Approved SMS signature (签名).')
param smsSignName string

@description('Approved SMS notification template id, one variable.')
param smsTemplateId string

@description('Tencent Cloud region for the SMS API.')
param smsRegion string = 'ap-guangzhou'

@description('Route outbound calls through a NAT gateway with one static public IP (needed for the WeChat IP whitelist).')
param staticEgressIp bool = true

@minValue(40)
@maxValue(1000)
@description('Upper bound of Flex Consumption instances.')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
@description('Memory per Flex Consumption instance (MB).')
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: 'id-channels-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    workspaceName: 'log-channels-${resourceToken}'
    appInsightsName: 'appi-channels-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: 'stchannels${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
    appPrincipalId: identity.outputs.principalId
  }
}

module staticWebsite 'modules/static-website.bicep' = {
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    identityName: 'id-channels-deploy-${resourceToken}'
    location: location
    tags: tags
  }
}

module vault 'modules/key-vault.bicep' = {
  scope: rg
  params: {
    name: 'kv-chan-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    wechatAppSecret: wechatAppSecret
    weiboAccessToken: weiboAccessToken
    smsSecretId: smsSecretId
    smsSecretKey: smsSecretKey
  }
}

module network 'modules/network.bicep' = if (staticEgressIp) {
  scope: rg
  params: {
    name: 'channels-${resourceToken}'
    location: location
    tags: tags
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    name: 'func-channels-${resourceToken}'
    planName: 'plan-channels-${resourceToken}'
    location: location
    tags: tags
    identityName: identity.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    subnetId: staticEgressIp ? network!.outputs.subnetId : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    websiteBaseUrl: staticWebsite.outputs.url
    vaultReferences: vault.outputs.references
    wechatAppId: wechatAppId
    wechatThumbMediaId: wechatThumbMediaId
    weiboRip: !empty(weiboRip) ? weiboRip : (staticEgressIp ? network!.outputs.egressIp : '127.0.0.1')
    smsSdkAppId: smsSdkAppId
    smsSignName: smsSignName
    smsTemplateId: smsTemplateId
    smsRegion: smsRegion
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
@description('Base URL of the HTTP API (append /api/...).')
output API_URL string = functionApp.outputs.url
@description('The public website (static website endpoint of the storage account).')
output STATIC_WEBSITE_URL string = staticWebsite.outputs.url
@description('The one outbound IP to whitelist at WeChat (and Tencent SMS); empty without staticEgressIp.')
output EGRESS_IP string = staticEgressIp ? network!.outputs.egressIp : ''
