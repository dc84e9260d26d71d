using System.Net;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Weibo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>Secrets and phone numbers never appear in clear in the logs or the API.</summary>
[Collection(ChannelsCollection.Name)]
public class SecretsTests(ChannelsHost host)
{
    [Fact]
    public async Task FullRun_LogsHoldNoSecretTokenOrPhoneNumber_ApiMasksRecipients()
    {
        var item = Items.Approved("secrets");
        using (var submitted = await host.PostAsync(item)) Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var view = await host.WaitFinalAsync(item.Id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());

        var journal = await host.Sandbox.GetStringAsync("/sandbox/journal");
        var tokens = System.Text.RegularExpressions.Regex.Matches(journal, "\"access_token\":\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        var services = host.Services;
        var secrets = new[]
        {
            services.GetRequiredService<IOptions<WeChatOptions>>().Value.AppSecret,
            services.GetRequiredService<IOptions<SmsOptions>>().Value.SecretKey,
            services.GetRequiredService<IOptions<WeiboOptions>>().Value.AccessToken,
            ChannelsHost.AdminKey, ChannelsHost.EditorKey, ChannelsHost.ReaderKey, ChannelsHost.SmsCallbackToken,
        }.Concat(tokens).Where(s => s.Length >= 6).ToList();
        var phones = new[] { "13800000001", "13800000002", ChannelsHost.DutyOfficer };

        var logs = host.Logs.Lines.ToList();
        Assert.True(logs.Count > 50, $"the capture should hold the run's logs, has {logs.Count}");
        foreach (var line in logs)
        {
            foreach (var secret in secrets) Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            foreach (var phone in phones) Assert.DoesNotContain(phone, line, StringComparison.Ordinal);
            Assert.DoesNotMatch("access_token=[A-Za-z0-9]", line);
        }

        var audience = view.GetProperty("item").GetProperty("sms").GetProperty("audience").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.All(audience, a => Assert.Contains("****", a, StringComparison.Ordinal));
        Assert.DoesNotContain("13800000001", view.GetRawText(), StringComparison.Ordinal);
    }
}
