namespace Channels.Sandbox.Infrastructure;

/// <summary>
/// What an emulated API answers: HTTP status, JSON body (serialized with <see cref="SandboxJson.Options"/>) and the
/// journal outcome ("ok" or the platform error code).
/// </summary>
internal sealed record ApiResult(int StatusCode, object Body, string Outcome)
{
    public const string OkOutcome = "ok";
}
