using Channels.Publishing.Configuration;
using Channels.Tests.Repository;

namespace Channels.Tests.Configuration;

/// <summary>The Azure deployment gives every setting that is required outside the sandbox profile (else the app would not start).</summary>
public class ProductionSettingsInfraTests
{
    [Fact]
    public void FunctionAppBicep_SetsEveryRequiredProductionSetting()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "infra", "modules", "function-app.bicep"));
        var missing = ProductionSettings.Required.Select(r => r.Key.Replace(":", "__", StringComparison.Ordinal))
            .Where(name => !bicep.Contains($"    {name}: ", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
        Assert.DoesNotContain("Channels__Profile", bicep, StringComparison.Ordinal);
    }
}
