using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Channels.Publishing.Storage;

/// <summary>
/// Counts and times every storage request the app makes, by service (table, blob), operation (point-read, query,
/// insert, replace, merge, batch, upload, download…) and target (the table or container). Published as the
/// System.Diagnostics.Metrics meter "Channels.Storage" (instruments channels.storage.requests and
/// channels.storage.request.duration, in ms), so `dotnet-counters monitor --counters Channels.Storage -n Channels.Local`
/// shows it live and the benchmark prints it per item. Storage round trips are what the pipeline spends its time on.
/// </summary>
public sealed class StorageRequestMeter : HttpPipelinePolicy
{
    public const string MeterName = "Channels.Storage";
    public const string RequestsName = "channels.storage.requests";
    public const string DurationName = "channels.storage.request.duration";
    public const string UploadBytesName = "channels.storage.upload.bytes";

    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> Requests = Meter.CreateCounter<long>(RequestsName, "{request}", "Storage requests sent");
    static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationName, "ms", "Storage request round trip");
    static readonly Counter<long> UploadBytes = Meter.CreateCounter<long>(UploadBytesName, "By", "Request body bytes sent (what the emulator holds)");

    /// <summary>The policy for table clients and the one for blob clients.</summary>
    public static readonly StorageRequestMeter Tables = new("table"), Blobs = new("blob");

    readonly string service;

    StorageRequestMeter(string service) => this.service = service;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, start);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            Record(message, start);
        }
    }

    void Record(HttpMessage message, long start)
    {
        var (operation, target) = Classify(service, message.Request.Method.Method, message.Request.Uri.ToUri());
        var tags = new TagList { { "service", service }, { "operation", operation }, { "target", target } };
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds, tags);
        if (message.Request.Content?.TryComputeLength(out var length) == true && length > 0) UploadBytes.Add(length, tags);
    }

    /// <summary>What a storage request is, from its method and URI (path-style /account/target… on Azurite, host-style in Azure).</summary>
    public static (string Operation, string Target) Classify(string service, string method, Uri uri)
    {
        var segments = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var pathStyle = uri.IsLoopback || System.Net.IPAddress.TryParse(uri.Host, out _);
        if (pathStyle && segments.Count > 0) segments.RemoveAt(0); // the account
        var first = segments.Count > 0 ? segments[0] : "";
        if (service == "table")
        {
            var paren = first.IndexOf('(', StringComparison.Ordinal);
            var table = paren >= 0 ? first[..paren] : first;
            var keyed = paren >= 0 && first.Contains("PartitionKey", StringComparison.Ordinal);
            var op = (method, table) switch
            {
                ("POST", "$batch") => "batch",
                ("POST", "Tables") => "create-table",
                ("POST", _) => "insert",
                ("GET", _) when keyed => "point-read",
                ("GET", _) => "query",
                ("PUT", _) => "replace",
                ("MERGE" or "PATCH", _) => "merge",
                ("DELETE", _) => "delete",
                _ => method.ToLowerInvariant(),
            };
            return (op, table);
        }

        var blobOp = method switch
        {
            "PUT" when segments.Count <= 1 => "create-container",
            "PUT" => "upload",
            "GET" when segments.Count <= 1 => "list",
            "GET" => "download",
            "HEAD" => "properties",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        return (blobOp, first);
    }
}
