namespace Channels.Sandbox;

/// <summary>Applies a fault around an emulated call. The effect runs unless the fault stops it before.</summary>
public static class FaultOutcome
{
    public static async Task<IResult> RunAsync(FaultBook faults, Journal journal, string channel, string api,
        Func<string, IResult> platformError, Func<Task<IResult>> effect)
    {
        var fault = faults.Take(channel, api);
        switch (fault?.Kind)
        {
            case null:
                return await effect();
            case "error":
                journal.Add(channel, api, "fault:error:" + fault.Code, null, null);
                return platformError(fault.Code ?? "-1");
            case "http500":
                journal.Add(channel, api, "fault:http500", null, null);
                return Results.StatusCode(500);
            case "timeout":
                await Task.Delay(fault.DelayMs ?? 30_000);
                journal.Add(channel, api, "fault:timeout", null, null);
                return Results.StatusCode(504);
            case "slow":
                await Task.Delay(fault.DelayMs ?? 1_000);
                return await effect();
            case "drop-after-commit":
                await effect();
                journal.Add(channel, api, "fault:drop-after-commit", null, null);
                return Results.StatusCode(502);
            default:
                return await effect();
        }
    }
}
