using Channels.Publishing.Dashboard;

namespace Channels.Publishing.Api.Routes;

/// <summary>
/// The one route table of the HTTP API. The local host maps <see cref="All"/> under /api/; the Function App declares one
/// trigger per entry (attributes need constants: [Function(nameof(ApiRoutes.X))] with Route = ApiRoutes.X), and a unit
/// test fails when the two differ. To add a route: a const (name = the function name, value = the template), one line in
/// <see cref="All"/>, and the trigger in the Function App (copy a neighbour). Every handler decides the caller's role
/// itself (AccessGate), so both hosts expose the routes anonymously at their own level.
/// </summary>
public static class ApiRoutes
{
    // Lower case, the form the Functions documentation uses in HttpTrigger; ASP.NET Core matches methods case-insensitively.
    public const string Get = "get", Post = "post", Put = "put", Delete = "delete";

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
    public const string UploadAttachment = "attachments";
    public const string GetAttachment = "attachments/{id}";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new(nameof(SubmitPublication), Post, SubmitPublication, c => c.Api<PublicationsApi>().SubmitAsync(c.Http, c.Durable)),
        new(nameof(PreviewPublication), Post, PreviewPublication, c => c.Api<Preview.PreviewApi>().PreviewAsync(c.Http)),
        new(nameof(ListPublications), Get, ListPublications, c => c.Api<MonitoringApi>().ListAsync(c.Http)),
        new(nameof(GetPublication), Get, GetPublication, c => c.Api<PublicationsApi>().GetAsync(c.Http, c["id"])),
        new(nameof(GetPublicationProof), Get, GetPublicationProof, c => c.Api<PublicationsApi>().ProofAsync(c.Http, c["id"])),
        new(nameof(RetryChannel), Post, RetryChannel, c => c.Api<MonitoringApi>().RetryAsync(c.Http, c.Durable, c["id"], c["channel"])),
        new(nameof(RetractPublication), Post, RetractPublication, c => c.Api<MonitoringApi>().RetractAsync(c.Http, c.Durable, c["id"])),
        new(nameof(ReschedulePublication), Post, ReschedulePublication, c => c.Api<ScheduleApi>().RescheduleAsync(c.Http, c.Durable, c["id"])),
        new(nameof(CancelPublication), Post, CancelPublication, c => c.Api<ScheduleApi>().CancelAsync(c.Http, c.Durable, c["id"])),
        new(nameof(WeChatDigestNow), Post, WeChatDigestNow, c => c.Api<DigestApi>().TriggerAsync(c.Http, c.Durable)),
        new(nameof(ChannelHealth), Get, ChannelHealth, c => c.Api<MonitoringApi>().HealthAsync(c.Http)),
        new(nameof(ResumeChannel), Post, ResumeChannel, c => c.Api<MonitoringApi>().ResumeAsync(c.Http, c["channel"])),
        new(nameof(WeChatEventsVerify), Get, WeChatEventsVerify, c => c.Api<WeChatEventsApi>().VerifyUrlAsync(c.Http)),
        new(nameof(WeChatEvents), Post, WeChatEvents, c => c.Api<WeChatEventsApi>().ReceiveAsync(c.Http, c.Durable)),
        new(nameof(WhoAmI), Get, WhoAmI, c => c.Api<MonitoringApi>().WhoAmIAsync(c.Http)),
        new(nameof(Dashboard), Get, Dashboard, c => DashboardAssets.ServeAsync(c.Http, c.Optional("path"))),
        new(nameof(GetStatistics), Get, GetStatistics, c => c.Api<StatisticsApi>().GetYearAsync(c.Http, c["year"])),
        new(nameof(GetRules), Get, GetRules, c => c.Api<StatisticsApi>().GetRulesAsync(c.Http, c["year"])),
        new(nameof(GetReport), Get, GetReport, c => c.Api<StatisticsApi>().GetReportAsync(c.Http, c["year"])),
        new(nameof(SmsReceipts), Post, SmsReceipts, c => c.Api<SmsCallbackApi>().ReceiveAsync(c.Http, c.Durable)),
        new(nameof(ListSmsAudiences), Get, ListSmsAudiences, c => c.Api<SmsAudiencesApi>().ListAsync(c.Http)),
        new(nameof(GetSmsAudience), Get, GetSmsAudience, c => c.Api<SmsAudiencesApi>().GetAsync(c.Http, c["name"])),
        new(nameof(ReplaceSmsAudience), Put, ReplaceSmsAudience, c => c.Api<SmsAudiencesApi>().ReplaceAsync(c.Http, c["name"])),
        new(nameof(AddSmsAudienceMembers), Post, AddSmsAudienceMembers, c => c.Api<SmsAudiencesApi>().AddMembersAsync(c.Http, c["name"])),
        new(nameof(RemoveSmsAudienceMember), Delete, RemoveSmsAudienceMember,
            c => c.Api<SmsAudiencesApi>().RemoveMemberAsync(c.Http, c["name"], c["number"])),
        new(nameof(GetGazette), Get, GetGazette, c => c.Api<BulletinApi>().GazetteAsync(c.Http, c["year"], c["month"])),
        new(nameof(RebuildGazette), Post, RebuildGazette, c => c.Api<BulletinApi>().GazetteAsync(c.Http, c["year"], c["month"])),
        new(nameof(Health), Get, Health, c => c.Api<StatisticsApi>().HealthAsync(c.Http)),
        new(nameof(GetColumns), Get, GetColumns, c => c.Api<ColumnsApi>().GetAsync(c.Http)),
        new(nameof(ReplaceColumns), Put, ReplaceColumns, c => c.Api<ColumnsApi>().ReplaceAsync(c.Http)),
        new(nameof(GetColumnHistory), Get, GetColumnHistory, c => c.Api<ColumnsApi>().HistoryAsync(c.Http)),
        new(nameof(ListSmsOptOuts), Get, ListSmsOptOuts, c => c.Api<SmsOptOutsApi>().ListAsync(c.Http)),
        new(nameof(AddSmsOptOuts), Post, AddSmsOptOuts, c => c.Api<SmsOptOutsApi>().AddAsync(c.Http)),
        new(nameof(PullSmsReplies), Post, PullSmsReplies, c => c.Api<SmsOptOutsApi>().PullAsync(c.Http)),
        new(nameof(RemoveSmsOptOut), Delete, RemoveSmsOptOut, c => c.Api<SmsOptOutsApi>().RemoveAsync(c.Http, c["number"])),
        new(nameof(SmsReplies), Post, SmsReplies, c => c.Api<SmsReplyCallbackApi>().ReceiveAsync(c.Http)),
        new(nameof(UploadAttachment), Post, UploadAttachment, c => c.Api<Attachments.AttachmentsApi>().UploadAsync(c.Http)),
        new(nameof(GetAttachment), Get, GetAttachment, c => c.Api<Attachments.AttachmentsApi>().GetAsync(c.Http, c["id"])),
    ];

    static readonly Dictionary<string, ApiRoute> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static ApiRoute Named(string name) =>
        ByName.TryGetValue(name, out var route) ? route : throw new KeyNotFoundException($"no route named '{name}' in ApiRoutes.All");
}
