using System.Globalization;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests.Columns;

/// <summary>
/// A second district, configured the way a deployment keeping its settings in infra would: its own identity
/// (Channels:Office, site title, 索引号 prefix, report district) and its own column tree in Channels:Columns — a
/// parent with two children, kinds news/notice/policy/none — on its own Azurite and host.
/// </summary>
public sealed class DistrictHost : ChannelsHost
{
    public static readonly (string Name, string? Kind, string? Slug, string? Parent)[] Columns =
    [
        ("镇街动态", "news", null, null),
        ("公示公告", "notice", "notices", null),
        ("政策文件", null, null, null),
        ("规范性文件", "policy", null, "政策文件"),
        ("政策解读", "policy", "interpretations", "政策文件"),
        ("双随机一公开", "none", null, null),
    ];

    protected override IEnumerable<string> ExtraArgs =>
    [
        "--Channels:Office:Name=某某县人民政府办公室",
        "--Channels:Office:Publisher=某某县人民政府办公室",
        "--Channels:Office:SiteCode=5227000001",
        "--Channels:Office:Icp=黔ICP备12345678号",
        "--Channels:Office:PoliceRecord=贵公网安备 52270002000123号",
        "--Channels:Office:ConacUrl=https://bszs.conac.cn/sitename?method=show&id=TEST",
        "--Channels:Office:Contact=电话：0854-0000000",
        "--Channels:Website:SiteTitle=某某县人民政府网 · 政府信息公开",
        "--Channels:Website:IndexPrefix=522700000",
        "--Channels:Report:DistrictName=黔南州某某县",
        "--Channels:Bulletin:Issuer=某某县人民政府",
        .. Columns.SelectMany((c, i) => new[]
        {
            $"--Channels:Columns:{I(i)}:Name={c.Name}",
            c.Kind is null ? null : $"--Channels:Columns:{I(i)}:Kind={c.Kind}",
            c.Slug is null ? null : $"--Channels:Columns:{I(i)}:Slug={c.Slug}",
            c.Parent is null ? null : $"--Channels:Columns:{I(i)}:Parent={c.Parent}",
        }).OfType<string>(),
    ];

    static string I(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A website-only item of this district, approved an hour before <paramref name="at"/>, with no publisher (the default applies).</summary>
    public static PublicationItem Item(string prefix, DateTimeOffset at, params string[] columns)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}";
        return new PublicationItem
        {
            Id = id, Title = $"某某县信息 {id}", Body = "<p>正文。</p>", Summary = "摘要", Columns = [.. columns], Publisher = "",
            PublishAt = at, Channels = [ChannelNames.Website],
            Approval = new ApprovalRecord
            {
                Author = "李明", Reviewer = "王芳", Approver = "张伟", ApprovedAt = at.AddHours(-1),
                ConfidentialityReview = new ConfidentialityReview { Passed = true },
            },
        };
    }
}

[CollectionDefinition(Name)]
public sealed class DistrictCollection : ICollectionFixture<DistrictHost>
{
    public const string Name = "district";
}
