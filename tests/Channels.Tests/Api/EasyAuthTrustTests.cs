using System.Text;
using Channels.Publishing.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Moq;

namespace Channels.Tests.Api;

/// <summary>X-MS-CLIENT-PRINCIPAL gives a role only when TrustEasyAuthPrincipal is set and the platform runs Easy Auth.</summary>
public class EasyAuthTrustTests
{
    static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"roles","val":"{{role}}"}],"name_typ":"name","role_typ":"roles"}"""));

    static ApiRole RoleOf(bool trust, EasyAuthPlatform platform, string? principal, string? key = null)
    {
        var options = Mock.Of<IOptionsMonitor<AccessOptions>>(m => m.CurrentValue == new AccessOptions { TrustEasyAuthPrincipal = trust,
            ReaderKey = "reader-key" });
        var ctx = new DefaultHttpContext();
        if (principal is not null) ctx.Request.Headers[AccessGate.PrincipalHeader] = principal;
        if (key is not null) ctx.Request.Headers[AccessGate.KeyHeader] = key;
        return new AccessGate(options, platform).RoleOf(ctx.Request);
    }

    [Fact]
    public void ForgedPrincipal_WithoutEasyAuthOnThePlatform_GivesNoRole_EvenWhenTrusted()
    {
        Assert.Equal(ApiRole.None, RoleOf(trust: true, EasyAuthPlatform.Off, Principal("Channels.Admin")));
        Assert.Equal(ApiRole.Reader, RoleOf(trust: true, EasyAuthPlatform.Off, Principal("Channels.Admin"), key: "reader-key"));
    }

    [Fact]
    public void Principal_WithEasyAuthOn_AndTrusted_GivesItsAppRole()
    {
        var on = new EasyAuthPlatform(true);
        Assert.Equal(ApiRole.Admin, RoleOf(trust: true, on, Principal("Channels.Admin")));
        Assert.Equal(ApiRole.Editor, RoleOf(trust: true, on, Principal("Channels.Editor")));
        Assert.Equal(ApiRole.None, RoleOf(trust: true, on, Principal("Someone.Else")));
        Assert.Equal(ApiRole.None, RoleOf(trust: false, on, Principal("Channels.Admin")));
        Assert.Equal(ApiRole.None, RoleOf(trust: true, on, "not base64 at all"));
    }

    [Theory]
    [InlineData("True", "func-channels-x", true)]
    [InlineData("true", "func-channels-x", true)]
    [InlineData("False", "func-channels-x", false)]
    [InlineData(null, "func-channels-x", false)]
    [InlineData("True", null, false)] // a laptop that sets the variable is not App Service
    public void Platform_ReadsWebsiteAuthEnabled_OnlyOnAnAppServiceSite(string? authEnabled, string? siteName, bool expected)
    {
        var env = new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = authEnabled, ["WEBSITE_SITE_NAME"] = siteName };
        Assert.Equal(expected, EasyAuthPlatform.From(n => env.GetValueOrDefault(n)).Enabled);
    }
}
