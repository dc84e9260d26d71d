using System.Reflection;
using Channels.FunctionApp;
using Channels.Publishing;
using Channels.Publishing.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Tests.FunctionApp;

/// <summary>
/// One table of orchestrators and activities (ChannelsTasks) for both hosts: the local worker registers the table, and
/// the Function App must declare exactly one trigger per entry, with the activity's input and output types.
/// </summary>
public class TaskParityTests
{
    static List<(string Name, MethodInfo Method, ParameterInfo Trigger)> Triggers<TAttribute>() where TAttribute : Attribute =>
        [.. from type in typeof(DurableTriggers).Assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null
            from parameter in method.GetParameters()
            where parameter.GetCustomAttribute<TAttribute>() is not null
            select (function.Name, method, parameter)];

    internal static List<string> Differences(IEnumerable<Type> table, IEnumerable<string> triggers, string kind)
    {
        var expected = table.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var actual = triggers.ToHashSet(StringComparer.Ordinal);
        return [.. expected.Except(actual).Select(n => $"{kind} in ChannelsTasks without a Function App trigger: {n}"),
            .. actual.Except(expected).Select(n => $"Function App {kind} trigger not in ChannelsTasks: {n}")];
    }

    [Fact]
    public void EveryActivityTrigger_IsInTheTable_AndEveryTableActivityHasATrigger()
    {
        var triggers = Triggers<ActivityTriggerAttribute>();
        Assert.NotEmpty(triggers);
        Assert.Empty(Differences(ChannelsTasks.Activities, triggers.Select(t => t.Name), "activity"));
    }

    [Fact]
    public void EveryOrchestrationTrigger_IsInTheTable_AndEveryTableOrchestratorHasATrigger()
    {
        var triggers = Triggers<OrchestrationTriggerAttribute>();
        Assert.NotEmpty(triggers);
        Assert.Empty(Differences(ChannelsTasks.Orchestrators, triggers.Select(t => t.Name), "orchestrator"));
    }

    [Fact]
    public void EachActivityTrigger_TakesAndReturnsItsActivityClassTypes()
    {
        foreach (var (name, method, trigger) in Triggers<ActivityTriggerAttribute>())
        {
            var activity = ChannelsTasks.Activities.Single(t => t.Name == name);
            var generic = activity.BaseType!;
            Assert.True(generic.IsGenericType && generic.GetGenericTypeDefinition() == typeof(TaskActivity<,>), name);
            Assert.Equal(generic.GetGenericArguments()[0], trigger.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(generic.GetGenericArguments()[1]), method.ReturnType);
        }
    }

    /// <summary>An activity class nobody registered would fail at its first call: every one in the core must be in the table.</summary>
    [Fact]
    public void EveryTaskClassInTheCore_IsInTheTable()
    {
        var core = typeof(ChannelsTasks).Assembly.GetTypes().Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b
            && (b.GetGenericTypeDefinition() == typeof(TaskActivity<,>) || b.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>)));
        Assert.Empty(core.Except(ChannelsTasks.Activities).Except(ChannelsTasks.Orchestrators).Select(t => t.Name));
    }

    [Fact]
    public void AnActivityOnOneHostOnly_IsReported()
    {
        var table = ChannelsTasks.Activities.Append(typeof(string));
        var triggers = Triggers<ActivityTriggerAttribute>().Select(t => t.Name).Append("PurgeActivity");

        Assert.Equal(["activity in ChannelsTasks without a Function App trigger: String", "Function App activity trigger not in ChannelsTasks: PurgeActivity"],
            Differences(table, triggers, "activity"));
    }
}

/// <summary>The Function App builds each activity from its own services (DurableTriggers.Run): every one must be constructible there.</summary>
public class TaskConstructionTests
{
    [Fact]
    public void EveryTableActivity_IsConstructibleFromTheCoreServices()
    {
        var services = new ServiceCollection();
        // The sandbox profile's settings: the channel options have no defaults outside it.
        var sandbox = new ConfigurationManager();
        global::Channels.Publishing.Configuration.SandboxProfile.Apply(sandbox, impliedByEmbeddedSandbox: true);
        services.AddSingleton<IConfiguration>(sandbox);
        services.AddLogging();
        services.AddChannelsCore();
        using var provider = services.BuildServiceProvider();
        foreach (var type in ChannelsTasks.Activities)
        {
            Assert.IsAssignableFrom<ITaskActivity>(ActivatorUtilities.CreateInstance(provider, type));
        }
    }
}
