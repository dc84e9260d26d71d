namespace Channels.Local.Durable;

/// <summary>
/// Which Durable Task backend the local host runs (CHANNELS_BACKEND). The default is azurestorage — the provider the
/// Function App uses in Azure, here on Azurite — so durable timers (scheduled items, Weibo slots, SMS quiet hours) and
/// in-flight deliveries survive a crash. memory is for tests and benchmarks that ask for it by name.
/// </summary>
public static class DurableBackend
{
    public const string AzureStorage = "azurestorage";
    public const string Memory = "memory";

    public static string From(string? configured) => string.IsNullOrWhiteSpace(configured) ? AzureStorage : configured.Trim().ToLowerInvariant();

    public static string Describe(string backend) => backend switch
    {
        AzureStorage => "[channels] Durable backend: azurestorage (task hub \"channelslocal\" on the configured storage; survives restarts)",
        Memory => "[channels] Durable backend: memory (explicit opt-in; timers and in-flight work are lost when the host stops)",
        _ => $"[channels] Durable backend: {backend}",
    };
}
