// The Function App on the Flex Consumption plan (.NET 10 isolated worker), running as the user-assigned identity:
// identity-based AzureWebJobsStorage (runtime account) for the host and the Durable task hub, endpoints + client id for
// the app's data account, and every secret — channel credentials, access keys, callback tokens — as a Key Vault
// reference. No storage key or secret value appears in the settings. Optional Easy Auth (Microsoft Entra ID).
param name string
param planName string
param location string
param tags object
param identityName string
param appInsightsName string
@description('The runtime account: AzureWebJobsStorage, the Durable task hub, the deployment package.')
param runtimeStorageAccountName string
param deploymentContainerName string

@description('The data account: ledger tables, archive, bulletin, $web.')
param dataStorageAccountName string

@description('Subnet for VNet integration (static egress); empty = none.')
param subnetId string

param maximumInstanceCount int
param instanceMemoryMB int
param websiteBaseUrl string

@description('Key Vault reference strings by secret name (key-vault.bicep output).')
param vaultReferences object

@description('Client id of the Entra app registration for Easy Auth; empty = Easy Auth off (access keys only).')
param easyAuthClientId string

@description('Whether vaultReferences holds easyauth-client-secret (the login flow with a client secret).')
param easyAuthHasSecret bool

@minValue(0)
@description('Days the Durable history of finished orchestrations is kept (0 = never purged).')
param purgeRetentionDays int

param wechatAppId string
@allowed(['safe', 'compatible', 'plaintext'])
param wechatEventMode string
param wechatThumbMediaId string
param weiboRip string
param smsSdkAppId string
param smsSignName string
param smsTemplateId string
param smsTemplateText string
param smsTemplateMaxLength string
param smsRegion string
@description('Channels:Office:* settings (name → value).')
param office object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource runtimeStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: runtimeStorageAccountName
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: dataStorageAccountName
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
          value: '${runtimeStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // HTTP requests one instance takes at once before Flex adds another (the platform's default for .NET at
        // 2 GB, stated here); host.json's http.maxConcurrentRequests / maxOutstandingRequests bound each instance.
        triggers: { http: { perInstanceConcurrency: 16 } }
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

var easyAuth = !empty(easyAuthClientId)

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Host storage and the Durable Functions task hub (host.json: Azure Storage provider, hub "channels").
    AzureWebJobsStorage__accountName: runtimeStorage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // The app's own tables and containers, reached with the same identity; the infrastructure creates them.
    Channels__Storage__BlobServiceUri: dataStorage.properties.primaryEndpoints.blob
    Channels__Storage__TableServiceUri: dataStorage.properties.primaryEndpoints.table
    Channels__Storage__ClientId: identity.properties.clientId
    Channels__Storage__CreateResources: 'false'
    // Who may call the API: x-api-key per role, and (with Easy Auth on) the signed-in user's app roles.
    Channels__Access__AdminKey: vaultReferences['access-admin-key']
    Channels__Access__EditorKey: vaultReferences['access-editor-key']
    Channels__Access__ReaderKey: vaultReferences['access-reader-key']
    Channels__Access__TrustEasyAuthPrincipal: easyAuth ? 'true' : 'false'
    Channels__Website__BaseUrl: websiteBaseUrl
    Channels__WeChat__BaseUrl: 'https://api.weixin.qq.com/'
    Channels__WeChat__AppId: wechatAppId
    WeChatDigestCron: '0 0 10 * * *'
    // The SMS opt-out list pulls Tencent's pending replies (TD, 退订) every 10 minutes between sends.
    SmsReplyPullCron: '0 */10 * * * *'
    Channels__WeChat__AppSecret: vaultReferences['wechat-app-secret']
    Channels__WeChat__EventToken: vaultReferences['wechat-event-token']
    Channels__WeChat__EventMode: wechatEventMode
    Channels__WeChat__EncodingAESKey: vaultReferences['wechat-encoding-aes-key']
    Channels__WeChat__ThumbMediaId: wechatThumbMediaId
    Channels__Weibo__BaseUrl: 'https://api.weibo.com/'
    Channels__Weibo__AccessToken: vaultReferences['weibo-access-token']
    Channels__Weibo__Rip: weiboRip
    Channels__Sms__BaseUrl: 'https://sms.tencentcloudapi.com/'
    Channels__Sms__SecretId: vaultReferences['sms-secret-id']
    Channels__Sms__SecretKey: vaultReferences['sms-secret-key']
    Channels__Sms__CallbackToken: vaultReferences['sms-callback-token']
    Channels__Sms__SmsSdkAppId: smsSdkAppId
    Channels__Sms__SignName: smsSignName
    Channels__Sms__TemplateId: smsTemplateId
    // The approved default notice template as the app must know it (id, text, its variable's limit): without it the
    // start-up check refuses a TemplateId it has no text for. More templates: Channels__Sms__Templates__1__* and on.
    Channels__Sms__Templates__0__Id: smsTemplateId
    Channels__Sms__Templates__0__Name: '信息发布通知'
    Channels__Sms__Templates__0__Text: smsTemplateText
    Channels__Sms__Templates__0__Variables__0__MaxLength: smsTemplateMaxLength
    Channels__Sms__Region: smsRegion
    // Retention of finished orchestration histories: daily at 19:30 UTC = 03:30 UTC+8.
    PurgeCron: '0 30 19 * * *'
    Channels__Purge__RetentionDays: string(purgeRetentionDays)
    // Easy Auth's client secret (read by the platform, not the app); empty when Easy Auth is off or runs without one.
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: easyAuth && easyAuthHasSecret ? vaultReferences['easyauth-client-secret'] : ''
    // The office's identity for the site footer, reports and proofs; empty ones are named in the start-up log.
    Channels__Office__Name: office.?Name ?? ''
    Channels__Office__Publisher: office.?Publisher ?? ''
    Channels__Office__SiteCode: office.?SiteCode ?? ''
    Channels__Office__Icp: office.?Icp ?? ''
    Channels__Office__PoliceRecord: office.?PoliceRecord ?? ''
    Channels__Office__Contact: office.?Contact ?? ''
    Channels__Office__ConacUrl: office.?ConacUrl ?? ''
    Channels__Office__ConacImageUrl: office.?ConacImageUrl ?? ''
  }
}

// Easy Auth (App Service authentication) with Microsoft Entra ID. Sign-in is optional for the platform
// (AllowAnonymous): scripts keep using x-api-key, WeChat and Tencent reach their callbacks, and a signed-in browser
// session carries the user's app roles (Channels.Reader / Channels.Editor / Channels.Admin) in X-MS-CLIENT-PRINCIPAL,
// which the platform sets itself and strips from clients' requests
// (https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities). The app trusts the header
// only while WEBSITE_AUTH_ENABLED=True, which the platform sets when this is on.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (easyAuth) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true, runtimeVersion: '~1' }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: { requireHttps: true }
    login: { tokenStore: { enabled: true } }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: union({
          clientId: easyAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
        }, easyAuthHasSecret ? { clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET' } : {})
        validation: { allowedAudiences: ['api://${easyAuthClientId}', easyAuthClientId] }
      }
    }
  }
  dependsOn: [settings]
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
