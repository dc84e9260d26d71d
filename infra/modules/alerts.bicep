// Azure Monitor alerts on what the app logs (Channels.Publishing/Operations/OpsEvents.cs writes each event as a trace
// whose message starts "CHANNELS-ALERT <name>"): a channel failed an item for good, a channel's credentials were
// refused (deliveries held), an emergency item passed its deadline. Each is a log search alert on Application Insights
// that fires when one such trace appears, and mails the action group.
param location string
param tags object
param appInsightsId string
param namePrefix string

@description('E-mail address that receives the alerts; empty = the rules fire (visible in the portal) but mail no one.')
param alertEmail string

var events = [
  { name: 'ChannelFailed', severity: 2, title: 'A channel failed an item for good (see the dashboard, retry or publish by hand)' }
  { name: 'CredentialsHeld', severity: 1, title: 'A channel refused its credentials: deliveries to it are held until renewed and resumed' }
  { name: 'EmergencyClockBreached', severity: 0, title: 'An emergency item passed its publication deadline with channels undelivered' }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'channels'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      { name: 'office', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

resource rules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for e in events: {
    name: '${namePrefix}-${e.name}'
    location: location
    tags: tags
    properties: {
      displayName: 'Channels: ${e.name}'
      description: e.title
      severity: e.severity
      enabled: true
      scopes: [appInsightsId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT5M'
      criteria: {
        allOf: [
          {
            query: 'traces | where message startswith "CHANNELS-ALERT ${e.name} "'
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: false
      actions: { actionGroups: [actionGroup.id] }
    }
  }
]

output ruleNames string[] = [for (e, i) in events: rules[i].name]
