using System.Text.Json;
using System.Text.Json.Nodes;
using Channels.Sandbox.Faults;

namespace Channels.Sandbox.Infrastructure;

/// <summary>
/// One request to an emulated API as a handler sees it. A handler reads the request, puts its key fields in
/// <see cref="Detail"/>, then calls <see cref="CheckpointAsync"/> BEFORE any check or effect: that is where
/// injected faults strike (and a handler must return at once when it answers non-null).
/// </summary>
internal sealed class ApiCall(HttpContext http, string channel, string api, FaultStore faults)
{
    public HttpContext Http => http;
    public string Channel => channel;
    public string Api { get; } = api;
    public CancellationToken Aborted => http.RequestAborted;

    /// <summary>The key request fields, for the journal.</summary>
    public Dictionary<string, object?> Detail { get; } = new(StringComparer.Ordinal);

    /// <summary>The platform id the call created or addressed (media_id, publish_id, idstr, SerialNos...).</summary>
    public string? PlatformId { get; set; }

    public bool CheckpointReached { get; private set; }

    /// <summary>The fault that replaced the call (error, http500, timeout).</summary>
    public FaultRule? BlockingFault { get; private set; }

    /// <summary>The fault that let the call through (slow, drop-after-commit, partial: the handler refuses some numbers).</summary>
    public FaultRule? PassingFault { get; private set; }

    /// <summary>What a handler returns when the checkpoint injected a blocking fault (the pipeline renders it).</summary>
    public static readonly ApiResult Replaced = new(StatusCodes.Status500InternalServerError, new { }, "fault");

    /// <summary>Applies injected faults; non-null means a blocking fault replaced the call and the handler must return it.</summary>
    public async Task<ApiResult?> CheckpointAsync()
    {
        if (CheckpointReached) return BlockingFault is null ? null : Replaced;
        CheckpointReached = true;
        var rule = faults.Match(Channel, Api);
        if (rule is null) return null;
        if (rule.Kind is FaultKinds.Slow or FaultKinds.DropAfterCommit or FaultKinds.Partial)
        {
            PassingFault = rule;
            if (rule.Kind == FaultKinds.Slow) await Task.Delay(rule.Delay(2_000), Aborted);
            return null;
        }

        BlockingFault = rule;
        return Replaced;
    }

    public string? Query(string name)
    {
        var value = http.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The request body as a JSON object, or null when it is not one.</summary>
    public async Task<JsonObject?> ReadJsonObjectAsync()
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: Aborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The form (urlencoded or multipart), or null when the body is not a readable form.</summary>
    public async Task<IFormCollection?> ReadFormAsync()
    {
        if (!http.Request.HasFormContentType) return null;
        try
        {
            return await http.Request.ReadFormAsync(Aborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public async Task<byte[]> ReadBodyBytesAsync()
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, Aborted);
        return buffer.ToArray();
    }
}
