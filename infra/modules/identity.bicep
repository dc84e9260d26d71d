// The Function App's user-assigned identity: it reads storage (task hub, ledger, site) and the channel
// secrets, and nothing else. Role assignments live next to the resources they grant access to.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
