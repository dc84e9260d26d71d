// Switches on the storage account's static website ($web container, index.html) with a deployment script:
// the Storage resource provider has no ARM property for it. The script runs as its own identity, which holds
// Storage Account Contributor on this one account, so the Function App identity keeps data-plane roles only.
// ARM runs the script again only when its properties change (e.g. the script text), not on every provision.
param storageAccountName string
param identityName string
param location string
param tags object

var storageAccountContributor = '17d1049b-9a84-46fb-8f53-869881c3d3ab'

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource scriptRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, scriptIdentity.id, storageAccountContributor)
  scope: account
  properties: {
    principalId: scriptIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageAccountContributor)
  }
}

resource enable 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'enable-static-website-${storageAccountName}'
  location: location
  tags: tags
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${scriptIdentity.id}': {} }
  }
  properties: {
    azCliVersion: '2.63.0'
    retentionInterval: 'PT1H'
    cleanupPreference: 'OnSuccess'
    timeout: 'PT20M'
    environmentVariables: [
      { name: 'STORAGE_ACCOUNT', value: account.name }
    ]
    scriptContent: loadTextContent('../scripts/enable-static-website.sh')
  }
  dependsOn: [scriptRole]
}

var web = account.properties.primaryEndpoints.web

@description('Static website endpoint without the trailing slash (the form Channels:Website:BaseUrl expects).')
output url string = endsWith(web, '/') ? take(web, length(web) - 1) : web
