using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Storage;

/// <summary>
/// The tables and containers Channels keeps in one Azure Storage account, created once at start-up by
/// <see cref="StorageInitializer"/> (the code that uses them assumes they exist).
/// Tables: publications (one row per item), deliveries (the ledger), delivered (the counting index),
/// statversions (one change token per year), smsreceipts, attachmentuses, channelstate (per-channel settings the app learns: the
/// WeChat cover's media id, Weibo's hourly posting window). Containers: archive (submitted items and listing
/// documents), $web (the site), bulletin (exports).
/// </summary>
public sealed class ChannelsStorage
{
    readonly object gate = new();
    readonly bool createResources;
    Task? created;

    public ChannelsStorage(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        createResources = o.CreateResources;
        var (tables, blobs) = CreateClients(o);
        TableService = tables;
        Publications = tables.GetTableClient(o.Prefix + "publications");
        Deliveries = tables.GetTableClient(o.Prefix + "deliveries");
        Delivered = tables.GetTableClient(o.Prefix + "delivered");
        StatVersions = tables.GetTableClient(o.Prefix + "statversions");
        SmsReceipts = tables.GetTableClient(o.Prefix + "smsreceipts");
        ChannelState = tables.GetTableClient(o.Prefix + "channelstate");
        Alerts = tables.GetTableClient(o.Prefix + "alerts");
        SmsAudiences = tables.GetTableClient(o.Prefix + "smsaudiences");
        SmsOptOuts = tables.GetTableClient(o.Prefix + "smsoptouts");
        AttachmentUses = tables.GetTableClient(o.Prefix + "attachmentuses");
        Archive = blobs.GetBlobContainerClient(o.Prefix + "archive");
        Web = blobs.GetBlobContainerClient("$web");
        Bulletin = blobs.GetBlobContainerClient(o.Prefix + "bulletin");
    }

    /// <summary>The account's table service (the benchmark measures raw storage capacity on a scratch table through it).</summary>
    public TableServiceClient TableService { get; }

    public TableClient Publications { get; }
    public TableClient Deliveries { get; }
    public TableClient Delivered { get; }
    public TableClient StatVersions { get; }
    public TableClient SmsReceipts { get; }
    public TableClient ChannelState { get; }

    /// <summary>Named SMS audiences: partition = audience name, row = normalised number (+86…), OptedOut flag.</summary>
    public TableClient SmsAudiences { get; }

    /// <summary>The one SMS opt-out list (退订): partition "optout", row = normalised number (+86…); applied to every send.</summary>
    public TableClient SmsOptOuts { get; }
    /// <summary>Which live items show which public attachment file: partition = SHA-256, row = item id (Attachments/AttachmentLinks).</summary>
    public TableClient AttachmentUses { get; }

    /// <summary>Escalations of the emergency clock: partition = year (UTC+8), row = item id + "|" + kind.</summary>
    public TableClient Alerts { get; }
    public BlobContainerClient Archive { get; }
    public BlobContainerClient Web { get; }
    public BlobContainerClient Bulletin { get; }

    /// <summary>
    /// Endpoints + managed identity in Azure (the account allows no shared key), the connection string otherwise.
    /// </summary>
    static (TableServiceClient Tables, BlobServiceClient Blobs) CreateClients(StorageOptions o)
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(StorageRequestMeter.Tables, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(StorageRequestMeter.Blobs, HttpPipelinePosition.PerRetry);
        if (!o.UsesServiceUris) return (new TableServiceClient(o.ConnectionString!, tableOptions), new BlobServiceClient(o.ConnectionString!, blobOptions));
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ClientId) ? null : o.ClientId,
        });
        return (new TableServiceClient(new Uri(o.TableServiceUri!), credential, tableOptions), new BlobServiceClient(new Uri(o.BlobServiceUri!), credential,
            blobOptions));
    }

    /// <summary>
    /// Creates what is missing, once per process (again after a failure, e.g. storage not up yet; nothing when
    /// CreateResources is off), and migrates row keys if the account still has the earlier shapes.
    /// </summary>
    public Task EnsureCreatedAsync()
    {
        lock (gate)
        {
            if (created is null || created.IsFaulted || created.IsCanceled) created = InitialiseAsync();
            return created;
        }
    }

    /// <summary>Creates what is missing (when allowed), then moves rows still under earlier key shapes (<see cref="StorageKeyMigration"/>).</summary>
    async Task InitialiseAsync()
    {
        if (createResources) await CreateAllAsync();
        await StorageKeyMigration.RunAsync(this);
    }

    async Task CreateAllAsync()
    {
        await Task.WhenAll(
            Publications.CreateIfNotExistsAsync(),
            Deliveries.CreateIfNotExistsAsync(),
            Delivered.CreateIfNotExistsAsync(),
            StatVersions.CreateIfNotExistsAsync(),
            SmsReceipts.CreateIfNotExistsAsync(),
            ChannelState.CreateIfNotExistsAsync(),
            Alerts.CreateIfNotExistsAsync(),
            SmsAudiences.CreateIfNotExistsAsync(),
            SmsOptOuts.CreateIfNotExistsAsync(),
            AttachmentUses.CreateIfNotExistsAsync(),
            Archive.CreateIfNotExistsAsync(),
            Web.CreateIfNotExistsAsync(),
            Bulletin.CreateIfNotExistsAsync());
    }
}
