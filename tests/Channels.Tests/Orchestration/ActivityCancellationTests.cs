using Channels.Publishing.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Channels.Tests.Orchestration;

/// <summary>Activities pass the invocation's cancellation (Function App) or the host's stopping token (local host), never None.</summary>
public class ActivityCancellationTests
{
    sealed class Invocation(CancellationToken token) : CancellableActivityContext
    {
        public override TaskName Name => "DeliverActivity";
        public override string InstanceId => "i";
        public override CancellationToken CancellationToken => token;
    }

    sealed class Plain : TaskActivityContext
    {
        public override TaskName Name => "DeliverActivity";
        public override string InstanceId => "i";
    }

    [Fact]
    public void FunctionInvocation_ItsTokenWins()
    {
        using var invocation = new CancellationTokenSource();
        using var stopping = new CancellationTokenSource();
        var lifetime = Mock.Of<IHostApplicationLifetime>(l => l.ApplicationStopping == stopping.Token);

        Assert.Equal(invocation.Token, new ActivityCancellation(lifetime).For(new Invocation(invocation.Token)));
    }

    [Fact]
    public void LocalWorker_TheHostStoppingToken()
    {
        using var stopping = new CancellationTokenSource();
        var lifetime = Mock.Of<IHostApplicationLifetime>(l => l.ApplicationStopping == stopping.Token);

        var token = new ActivityCancellation(lifetime).For(new Plain());
        Assert.False(token.IsCancellationRequested);
        stopping.Cancel();
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void NoActivity_PassesCancellationTokenNone()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Repository.RepositoryFiles.Root, "functions", "Channels.Publishing", "Orchestration"), "*.cs")
            .Where(f => File.ReadAllLines(f).Any(l => l.Contains("TaskActivityContext context", StringComparison.Ordinal)
                && l.Contains("CancellationToken.None", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offenders);
        Assert.All(ChannelsTasks.Activities, t => Assert.Contains(t.GetConstructors().Single().GetParameters(),
            p => p.ParameterType == typeof(ActivityCancellation)));
    }
}
