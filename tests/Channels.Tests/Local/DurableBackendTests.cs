using Channels.Local.Durable;

namespace Channels.Tests.Local;

/// <summary>The local host runs the durable backend unless memory is asked for by name.</summary>
public class DurableBackendTests
{
    [Theory]
    [InlineData(null, "azurestorage")]
    [InlineData("", "azurestorage")]
    [InlineData("  ", "azurestorage")]
    [InlineData("azurestorage", "azurestorage")]
    [InlineData("memory", "memory")]
    [InlineData(" Memory ", "memory")]
    public void Backend_DefaultsToAzureStorage_MemoryOnlyByName(string? configured, string expected) =>
        Assert.Equal(expected, DurableBackend.From(configured));

    [Fact]
    public void EveryStart_SaysWhichBackend_AndWhatAMemoryRunLoses()
    {
        Assert.Contains("azurestorage", DurableBackend.Describe(DurableBackend.AzureStorage), StringComparison.Ordinal);
        Assert.Contains("lost when the host stops", DurableBackend.Describe(DurableBackend.Memory), StringComparison.Ordinal);
    }
}
