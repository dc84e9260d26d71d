using Channels.Local;
using Channels.Publishing.Seeds;

// Modes: (none) serve until stopped; "demo" publishes seeds/demo and exits (--keep: then serve);
// "replay FILE" pushes a JSONL dataset through the pipeline; "generate FILE" writes the 2017 dataset;
// "bench [--quick]" measures and writes bench/results.json; "chaos [--quick]" runs the fault scenarios.
var mode = args.FirstOrDefault() is "demo" or "replay" or "generate" or "bench" ? args[0] : "serve";
if (mode == "generate")
{
    var target = args.ElementAtOrDefault(1) ?? "seeds/furong-2017.jsonl";
    var count = await DatasetFile.WriteAsync(target, YearDatasetGenerator.Generate());
    Console.WriteLine($"wrote {count} items to {target}");
    return 0;
}

if (args.FirstOrDefault() == "chaos")
{
    var storage = Environment.GetEnvironmentVariable("Channels__Storage__ConnectionString") ?? "UseDevelopmentStorage=true";
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await Channels.Local.Chaos.ChaosRunner.RunAsync(storage, args.Contains("--quick"),
        args.Where(a => a.StartsWith("--only=", StringComparison.Ordinal)).SelectMany(a => a["--only=".Length..].Split(',')).ToHashSet(), Console.Out,
            stop.Token);
}

var keep = args.Contains("--keep");
var quick = args.Contains("--quick");
var replayFile = mode == "replay" ? args.ElementAtOrDefault(1) ?? throw new ArgumentException("usage: replay FILE") : null;
var hostArgs = args.Skip(mode == "serve" ? 0 : mode == "replay" ? 2 : 1).Where(a => a is not ("--keep" or "--quick")).ToArray();
(hostArgs, var generatedKeys) = LocalKeys.EnsureKeys(hostArgs);
var app = await LocalHost.BuildAsync(hostArgs);
var access = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Channels.Publishing.Api.Access.AccessOptions>>().Value;
// The demo, replay and bench submit items dated in the past: historical imports, which only the admin role may submit.
var runnerKey = access.AdminKey ?? "";
if (mode != "serve" && runnerKey.Length == 0)
{
    Console.Error.WriteLine($"{mode}: the items it submits are historical imports (publishAt in the past): set CHANNELS_KEY_ADMIN");
    return 2;
}

if (mode == "serve")
{
    await app.StartAsync();
    if (generatedKeys is not null) LocalKeys.Announce(generatedKeys, app.Urls.First(), Console.Out);
    await app.WaitForShutdownAsync();
    return 0;
}

await app.StartAsync();
var stopping = app.Lifetime.ApplicationStopping;
var code = mode == "bench" ? await Channels.Local.Bench.BenchRunner.RunAsync(app, runnerKey, quick, Console.Out, stopping)
    : mode == "demo"
    ? await DemoRunner.RunAsync(app.Urls.First(), runnerKey, app.Configuration["CHANNELS_SEEDS"] ?? Path.Combine(Directory.GetCurrentDirectory(), "seeds",
        "demo"), Console.Out, stopping)
    : await ReplayRunner.RunAsync(app.Urls.First(), runnerKey, app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>(), replayFile!,
        int.Parse(app.Configuration["CHANNELS_REPLAY_PARALLEL"] ?? "16", System.Globalization.CultureInfo.InvariantCulture), Console.Out, stopping);
if (keep)
{
    if (generatedKeys is not null) LocalKeys.Announce(generatedKeys, app.Urls.First(), Console.Out);
    Console.WriteLine("按 Ctrl-C 停止。");
    await app.WaitForShutdownAsync();
}
else
{
    await app.StopAsync();
}

return code;
