await Channels.Sandbox.SandboxApp.Build(args).RunAsync();
