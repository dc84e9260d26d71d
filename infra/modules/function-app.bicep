// The Function App on the Flex Consumption plan (.NET 10 isolated worker), running as the user-assigned identity:
// identity-based AzureWebJobsStorage for the host and the Durable task hub, endpoints + client id for the app's own
// storage, and channel secrets as Key Vault references. No storage key appears anywhere.
param name string
param planName string
param location string
param tags object
param identityName string
param appInsightsName string
param storageAccountName string
param deploymentContainerName string

@description('Subnet for VNet integration (static egress); empty = none.')
param subnetId string

param maximumInstanceCount int
param instanceMemoryMB int
param websiteBaseUrl string

@description('Key Vault reference strings for the four channel secrets (key-vault.bicep output).')
param vaultReferences object

param wechatAppId string
param wechatThumbMediaId string
param weiboRip string
param smsSdkAppId string
param smsSignName string
param smsTemplateId string
param smsRegion string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Host storage and the Durable Functions task hub (host.json: Azure Storage provider, hub "channels").
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // The app's own tables and containers, reached with the same identity.
    Channels__Storage__BlobServiceUri: storage.properties.primaryEndpoints.blob
    Channels__Storage__TableServiceUri: storage.properties.primaryEndpoints.table
    Channels__Storage__ClientId: identity.properties.clientId
    Channels__Website__BaseUrl: websiteBaseUrl
    Channels__WeChat__BaseUrl: 'https://api.weixin.qq.com/'
    Channels__WeChat__AppId: wechatAppId
    WeChatDigestCron: '0 0 10 * * *'
    Channels__WeChat__AppSecret: vaultReferences.wechatAppSecret
    Channels__WeChat__ThumbMediaId: wechatThumbMediaId
    Channels__Weibo__BaseUrl: 'https://api.weibo.com/'
    Channels__Weibo__AccessToken: vaultReferences.weiboAccessToken
    Channels__Weibo__Rip: weiboRip
    Channels__Sms__BaseUrl: 'https://sms.tencentcloudapi.com/'
    Channels__Sms__SecretId: vaultReferences.smsSecretId
    Channels__Sms__SecretKey: vaultReferences.smsSecretKey
    Channels__Sms__SmsSdkAppId: smsSdkAppId
    Channels__Sms__SignName: smsSignName
    Channels__Sms__TemplateId: smsTemplateId
    Channels__Sms__Region: smsRegion
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
