using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The cancellation an activity passes to its storage and platform calls. The Durable SDK's TaskActivityContext carries
/// none, so: on the Function App the invocation's FunctionContext.CancellationToken (signalled when the host shuts down or
/// the invocation is cancelled), handed over in a <see cref="CancellableActivityContext"/>; on the local host the host's
/// ApplicationStopping. A cancelled activity does not complete, so Durable runs it again after the restart — every step is
/// idempotent and reconciles with the ledger first — instead of the process being held (or killed) mid-call.
/// </summary>
public sealed class ActivityCancellation(IHostApplicationLifetime? lifetime = null)
{
    public CancellationToken For(TaskActivityContext context) =>
        context is CancellableActivityContext c ? c.CancellationToken : lifetime?.ApplicationStopping ?? CancellationToken.None;
}

/// <summary>An activity context that brings its invocation's cancellation (the Function App's triggers build one).</summary>
public abstract class CancellableActivityContext : TaskActivityContext
{
    public abstract CancellationToken CancellationToken { get; }
}
