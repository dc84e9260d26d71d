// A static outbound IP for the Function App: Flex Consumption instances share Azure's outbound pool unless the
// app is integrated with a subnet whose traffic leaves through a NAT gateway. WeChat's API IP whitelist (and,
// if enabled, Tencent Cloud's) needs that one address.
param name string
param location string
param tags object

resource egressIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource nat 'Microsoft.Network/natGateways@2024-05-01' = {
  name: 'ng-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [{ id: egressIp.id }]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${name}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.60.0.0/16'] }
    subnets: [
      {
        // Flex Consumption integration: delegated to Microsoft.App/environments, one address per instance.
        name: 'functions'
        properties: {
          addressPrefix: '10.60.0.0/24'
          natGateway: { id: nat.id }
          delegations: [
            { name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } }
          ]
        }
      }
    ]
  }
}

output subnetId string = vnet.properties.subnets[0].id
output egressIp string = egressIp.properties.ipAddress
