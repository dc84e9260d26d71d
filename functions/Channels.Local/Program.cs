using Channels.Local;

// "demo" runs the sample publications through this host and exits (or keeps serving with --keep);
// anything else serves until stopped.
var demo = args.Length > 0 && args[0] == "demo";
var keep = args.Contains("--keep");
var hostArgs = args.Where(a => a is not ("demo" or "--keep")).ToArray();
var app = await LocalHost.BuildAsync(hostArgs);
if (!demo)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
var seeds = app.Configuration["CHANNELS_SEEDS"] ?? Path.Combine(Directory.GetCurrentDirectory(), "seeds", "demo");
var code = await DemoRunner.RunAsync(app.Urls.First(), seeds, Console.Out, app.Lifetime.ApplicationStopping);
if (keep)
{
    Console.WriteLine("按 Ctrl-C 停止。");
    await app.WaitForShutdownAsync();
}
else
{
    await app.StopAsync();
}

return code;
