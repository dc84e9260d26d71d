using Channels.Publishing.Api.Access;
using Channels.Publishing.Dashboard;

namespace Channels.Publishing.Api.Routes;

/// <summary>
/// The one route table of the HTTP API. The local host maps <see cref="All"/> under /api/; the Function App declares one
/// trigger per entry (attributes need constants: [Function(nameof(ApiRoutes.X))] with Route = ApiRoutes.X), and a unit
/// test fails when the two differ. To add a route: a const (name = the function name, value = the template), one line in
/// <see cref="All"/> with the smallest role that may call it, and the trigger in the Function App (copy a neighbour).
/// Access is enforced once, before the handler, from the entry's role (<see cref="RouteAccess"/>: the local host's endpoint
/// filter, the Function App's RouteRunner); handlers never check it themselves. <see cref="Open"/> routes check their
/// caller their own way (the platforms' signed callbacks) or serve nothing private (health, the dashboard's files).
/// </summary>
public static class ApiRoutes
{
    // Lower case, the form the Functions documentation uses in HttpTrigger; ASP.NET Core matches methods case-insensitively.
    public const string Get = "get", Post = "post", Put = "put", Delete = "delete";

    /// <summary>The role column: Open lets anyone through the gate (the handler or nothing private guards it).</summary>
    public const ApiRole Open = ApiRole.None, Reader = ApiRole.Reader, Editor = ApiRole.Editor, Admin = ApiRole.Admin;

    public const string SubmitPublication = "publications";
    public const string PreviewPublication = "publications/preview";
    public const string ListPublications = "publications";
    public const string GetPublication = "publications/{id}";
    public const string GetPublicationProof = "publications/{id}/proof";
    public const string RetryChannel = "publications/{id}/channels/{channel}/retry";
    public const string RetractPublication = "publications/{id}/retract";
    public const string ReschedulePublication = "publications/{id}/schedule";
    public const string CancelPublication = "publications/{id}/cancel";
    public const string WeChatDigestNow = "channels/wechat/digest";
    public const string ChannelHealth = "channels/health";
    public const string ResumeChannel = "channels/{channel}/resume";
    public const string WeChatEventsVerify = "channels/wechat/events";
    public const string WeChatEvents = "channels/wechat/events";
    public const string WhoAmI = "whoami";
    public const string Dashboard = "dashboard/{*path}";
    public const string GetStatistics = "statistics/{year}";
    public const string GetRules = "rules/{year}";
    public const string GetReport = "reports/{year}";
    public const string SmsReceipts = "sms/receipts";
    public const string ListSmsAudiences = "sms/audiences";
    public const string GetSmsAudience = "sms/audiences/{name}";
    public const string ReplaceSmsAudience = "sms/audiences/{name}";
    public const string AddSmsAudienceMembers = "sms/audiences/{name}/members";
    public const string RemoveSmsAudienceMember = "sms/audiences/{name}/members/{number}";
    public const string GetGazette = "bulletin/gazette/{year}/{month}";
    public const string RebuildGazette = "bulletin/gazette/{year}/{month}";
    public const string Health = "health";
    public const string GetColumns = "columns";
    public const string ReplaceColumns = "columns";
    public const string GetColumnHistory = "columns/history";
    public const string ListSmsOptOuts = "sms/optouts";
    public const string AddSmsOptOuts = "sms/optouts";
    public const string PullSmsReplies = "sms/optouts/pull";
    public const string RemoveSmsOptOut = "sms/optouts/{number}";
    public const string SmsReplies = "sms/replies";
    public const string ListChannels = "channels";
    public const string UploadAttachment = "attachments";
    public const string GetAttachment = "attachments/{id}";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new(nameof(SubmitPublication), Post, SubmitPublication, Editor, c => c.Api<PublicationsApi>().SubmitAsync(c.Http, c.Durable)),
        new(nameof(ListPublications), Get, ListPublications, Reader, c => c.Api<MonitoringApi>().ListAsync(c.Http)),
        new(nameof(GetPublication), Get, GetPublication, Reader, c => c.Api<PublicationsApi>().GetAsync(c.Http, c["id"])),
        new(nameof(GetPublicationProof), Get, GetPublicationProof, Reader, c => c.Api<PublicationsApi>().ProofAsync(c.Http, c["id"])),
        new(nameof(RetryChannel), Post, RetryChannel, Admin, c => c.Api<MonitoringApi>().RetryAsync(c.Http, c.Durable, c["id"], c["channel"])),
        new(nameof(RetractPublication), Post, RetractPublication, Admin, c => c.Api<MonitoringApi>().RetractAsync(c.Http, c.Durable, c["id"])),
        new(nameof(ReschedulePublication), Post, ReschedulePublication, Editor, c => c.Api<ScheduleApi>().RescheduleAsync(c.Http, c.Durable, c["id"])),
        new(nameof(CancelPublication), Post, CancelPublication, Editor, c => c.Api<ScheduleApi>().CancelAsync(c.Http, c.Durable, c["id"])),
        new(nameof(WeChatDigestNow), Post, WeChatDigestNow, Admin, c => c.Api<DigestApi>().TriggerAsync(c.Http, c.Durable)),
        new(nameof(ChannelHealth), Get, ChannelHealth, Reader, c => c.Api<MonitoringApi>().HealthAsync(c.Http)),
        new(nameof(ResumeChannel), Post, ResumeChannel, Admin, c => c.Api<MonitoringApi>().ResumeAsync(c.Http, c["channel"])),
        new(nameof(WeChatEventsVerify), Get, WeChatEventsVerify, Open, c => c.Api<WeChatEventsApi>().VerifyUrlAsync(c.Http)),
        new(nameof(WeChatEvents), Post, WeChatEvents, Open, c => c.Api<WeChatEventsApi>().ReceiveAsync(c.Http, c.Durable)),
        new(nameof(WhoAmI), Get, WhoAmI, Reader, c => c.Api<MonitoringApi>().WhoAmIAsync(c.Http)),
        new(nameof(Dashboard), Get, Dashboard, Open, c => DashboardAssets.ServeAsync(c.Http, c.Optional("path"))),
        new(nameof(GetStatistics), Get, GetStatistics, Reader, c => c.Api<StatisticsApi>().GetYearAsync(c.Http, c["year"])),
        new(nameof(GetRules), Get, GetRules, Reader, c => c.Api<StatisticsApi>().GetRulesAsync(c.Http, c["year"])),
        new(nameof(GetReport), Get, GetReport, Reader, c => c.Api<StatisticsApi>().GetReportAsync(c.Http, c["year"])),
        new(nameof(SmsReceipts), Post, SmsReceipts, Open, c => c.Api<SmsCallbackApi>().ReceiveAsync(c.Http, c.Durable)),
        new(nameof(ListSmsAudiences), Get, ListSmsAudiences, Reader, c => c.Api<SmsAudiencesApi>().ListAsync(c.Http)),
        new(nameof(GetSmsAudience), Get, GetSmsAudience, Reader, c => c.Api<SmsAudiencesApi>().GetAsync(c.Http, c["name"])),
        new(nameof(ReplaceSmsAudience), Put, ReplaceSmsAudience, Admin, c => c.Api<SmsAudiencesApi>().ReplaceAsync(c.Http, c["name"])),
        new(nameof(AddSmsAudienceMembers), Post, AddSmsAudienceMembers, Admin, c => c.Api<SmsAudiencesApi>().AddMembersAsync(c.Http, c["name"])),
        new(nameof(RemoveSmsAudienceMember), Delete, RemoveSmsAudienceMember, Admin,
            c => c.Api<SmsAudiencesApi>().RemoveMemberAsync(c.Http, c["name"], c["number"])),
        new(nameof(GetGazette), Get, GetGazette, Reader, c => c.Api<BulletinApi>().GazetteAsync(c.Http, c["year"], c["month"])),
        new(nameof(RebuildGazette), Post, RebuildGazette, Admin, c => c.Api<BulletinApi>().GazetteAsync(c.Http, c["year"], c["month"])),
        new(nameof(Health), Get, Health, Open, c => c.Api<StatisticsApi>().HealthAsync(c.Http)),
        new(nameof(GetColumns), Get, GetColumns, Reader, c => c.Api<ColumnsApi>().GetAsync(c.Http)),
        new(nameof(ReplaceColumns), Put, ReplaceColumns, Admin, c => c.Api<ColumnsApi>().ReplaceAsync(c.Http)),
        new(nameof(GetColumnHistory), Get, GetColumnHistory, Admin, c => c.Api<ColumnsApi>().HistoryAsync(c.Http)),
        new(nameof(ListSmsOptOuts), Get, ListSmsOptOuts, Admin, c => c.Api<SmsOptOutsApi>().ListAsync(c.Http)),
        new(nameof(AddSmsOptOuts), Post, AddSmsOptOuts, Admin, c => c.Api<SmsOptOutsApi>().AddAsync(c.Http)),
        new(nameof(PullSmsReplies), Post, PullSmsReplies, Admin, c => c.Api<SmsOptOutsApi>().PullAsync(c.Http)),
        new(nameof(RemoveSmsOptOut), Delete, RemoveSmsOptOut, Admin, c => c.Api<SmsOptOutsApi>().RemoveAsync(c.Http, c["number"])),
        new(nameof(SmsReplies), Post, SmsReplies, Open, c => c.Api<SmsReplyCallbackApi>().ReceiveAsync(c.Http)),
        new(nameof(ListChannels), Get, ListChannels, Reader, c => c.Api<ChannelsApi>().ListAsync(c.Http)),
        new(nameof(PreviewPublication), Post, PreviewPublication, Editor, c => c.Api<Preview.PreviewApi>().PreviewAsync(c.Http)),
        new(nameof(UploadAttachment), Post, UploadAttachment, Editor, c => c.Api<Attachments.AttachmentsApi>().UploadAsync(c.Http)),
        new(nameof(GetAttachment), Get, GetAttachment, Editor, c => c.Api<Attachments.AttachmentsApi>().GetAsync(c.Http, c["id"])),
    ];

    static readonly Dictionary<string, ApiRoute> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static ApiRoute Named(string name) =>
        ByName.TryGetValue(name, out var route) ? route : throw new KeyNotFoundException($"no route named '{name}' in ApiRoutes.All");
}
