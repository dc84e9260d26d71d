namespace Channels.Local.Demo;

/// <summary>
/// The demo's office: the identity of the district whose 2017 report is the seed (seeds/furong-2017-annual-report.txt),
/// applied by the local host in the sandbox profile (Channels:Sandbox:Embedded=true: ./channels serve, demo and the
/// tests) to every setting the configuration leaves empty. The registration numbers are samples, not real ones. The
/// column catalogue needs nothing here: the seed's columns are the built-in default. No default publisher either: the
/// demo's items name theirs, and an item without one is refused (422 naming publisher) as the v1 contract says.
/// </summary>
internal static class DemoOffice
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Channels:Office:Name"] = "长沙市芙蓉区人民政府办公室",
        ["Channels:Office:SiteCode"] = "4301020001",
        ["Channels:Office:Icp"] = "湘ICP备00000000号（示例）",
        ["Channels:Office:PoliceRecord"] = "湘公网安备 43010200000000号（示例）",
        ["Channels:Office:ConacUrl"] = "https://bszs.conac.cn/sitename?method=show&id=00000000000000000000000000000000",
        ["Channels:Office:Contact"] = "电话：0731-00000000（示例）　地址：长沙市芙蓉区",
        ["Channels:Website:SiteTitle"] = "芙蓉区人民政府门户网站 · 政府信息公开",
        ["Channels:Website:IndexPrefix"] = "430102000",
        ["Channels:Report:DistrictName"] = "长沙市芙蓉区",
        ["Channels:Bulletin:Issuer"] = "芙蓉区人民政府",
        ["Channels:Sms:SignName"] = "芙蓉区政务公开",
    };

    /// <summary>Adds the demo's settings for every key not configured otherwise.</summary>
    public static void ApplyDefaults(WebApplicationBuilder builder)
    {
        if (!string.Equals(builder.Configuration["Channels:Sandbox:Embedded"], "true", StringComparison.OrdinalIgnoreCase)) return;
        builder.Configuration.AddInMemoryCollection(Settings.Where(s => string.IsNullOrEmpty(builder.Configuration[s.Key]))
            .Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
    }
}
