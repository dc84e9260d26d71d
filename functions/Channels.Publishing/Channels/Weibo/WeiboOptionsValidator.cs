using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>
/// Start-up check of <see cref="WeiboOptions"/>: outside the sandbox (a BaseUrl that is not on this machine) rip must be
/// the operator's real public IP (https://open.weibo.com/wiki/2/statuses/share: rip 必选, "请传操作用户的真实有效IP") —
/// missing, not an IP, or a loopback / private / link-local address fails start-up naming Channels:Weibo:Rip.
/// </summary>
public sealed class WeiboOptionsValidator : IValidateOptions<WeiboOptions>
{
    const string Setting = WeiboOptions.SectionName + ":Rip";

    public ValidateOptionsResult Validate(string? name, WeiboOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var api) || api.IsLoopback) return ValidateOptionsResult.Success;
        var rip = options.Rip?.Trim();
        if (string.IsNullOrEmpty(rip))
            return ValidateOptionsResult.Fail($"{Setting} is required when Weibo is {api.Host}: set it to the operator's real public IP (微博 rip 参数)");
        if (!IPAddress.TryParse(rip, out var ip))
            return ValidateOptionsResult.Fail($"{Setting} '{rip}' is not an IP address (微博 rip 须为操作者的真实公网IP)");
        if (!IsPublic(ip))
            return ValidateOptionsResult.Fail($"{Setting} '{rip}' is not a public IP address (微博 rip 须为操作者的真实公网IP)");
        return ValidateOptionsResult.Success;
    }

    static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast)) return false;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast);
        var b = ip.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] >= 224 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }
}
