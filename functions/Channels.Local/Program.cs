using Channels.Local;

var app = await LocalHost.BuildAsync(args);
await app.RunAsync();
