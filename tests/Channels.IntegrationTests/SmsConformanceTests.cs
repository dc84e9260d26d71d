using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Configuration;
using Channels.Publishing.Items;
using Channels.Sandbox.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>
/// Rule → what the sandbox does → what our client does, for every Tencent SMS default the sandbox models
/// (<see cref="SmsRuleBook"/>). A rule added to the sandbox without a row here fails <see cref="EverySandboxRule_HasAClientHandling"/>.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class SmsConformanceTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    /// <summary>What our side does about each rule (the proof is the test named alongside).</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientHandling = new Dictionary<string, string>
    {
        ["pull.session-context-empty"] = "receipts found by SerialNo (sid rows), lost answers by number + time: PulledStatuses_CarryNoSessionContext",
        ["carrier.silent-numbers"] = "counted at acceptance, reported as without receipt: SilentNumber_AcceptedAndNeverReported + SmsFlowTests",
        ["carrier.failed-receipts"] = "a FAIL receipt refines the view (failed), never the count: FailedReceipt_RefinesTheViewNotTheCount",
        ["send.serial-per-number"] = "each number's SerialNo stored, Fee by length: Send_AnswersPerNumber_FeeByLength",
        ["FailedOperation.TemplateIncorrectOrUnapproved"] = "422 sms.template at submission; permanent if met: TemplateRules",
        ["FailedOperation.TemplateParamSetNotMatchApprovedTemplate"] = "422 sms.params at submission; permanent if met: TemplateRules",
        ["InvalidParameterValue.TemplateParameterLengthLimit"] = "422 sms.params[i]/sms.text at submission; permanent if met: TemplateRules",
        ["InvalidParameterValue.ProhibitedUseUrlInTemplateParameter"] = "422 naming the field at submission; permanent if met: TemplateRules",
        ["InvalidParameterValue.ContentLengthLimit"] = "422 at submission (500 with signature); permanent if met: TemplateRules",
        ["bynumber.offset-fixed-zero"] = "a lost batch is looked up in its send window, split in halves while answers are full: Lookup_ReachesPastAFullAnswer",
        // (statuses carry no content either: one another reconciled batch claimed is ambiguous —
        // Lookup_AStatusAnotherReconciledBatchClaimed_IsAmbiguous_NotNoTrace)
        ["LimitExceeded.PhoneNumberCountLimit"] = "batches of ≤200 (BatchSize Range 1–200): PhoneNumberCountLimit_BatchesStayUnder",
    };

    [Fact]
    public void EverySandboxRule_HasAClientHandling() =>
        Assert.Equal(SmsRuleBook.All.Select(r => r.Id).Order(), ClientHandling.Keys.Order());

    [Fact]
    public void EverySandboxRule_CitesASource() => Assert.All(SmsRuleBook.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));

    public static TheoryData<string, string, string[], string> TemplateCases => new()
    {
        { "FailedOperation.TemplateIncorrectOrUnapproved", "9999999", ["x"], "sms.template" },
        { "FailedOperation.TemplateParamSetNotMatchApprovedTemplate", "2000002", ["应急局", "多余"], "sms.params" },
        { "InvalidParameterValue.TemplateParameterLengthLimit", "2000002", ["区住房和城乡建设局"], "sms.params[0]" },
        { "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", "2000001", ["详见www.a.cn"], "sms.params[0]" },
    };

    [Theory]
    [MemberData(nameof(TemplateCases))]
    public async Task TemplateRules_SandboxRefuses_ClientRefusesBeforeSending(string code, string template, string[] values, string field)
    {
        var sandbox = await Assert.ThrowsAsync<TencentSmsException>(() => Client().SendAsync(["+8613800000001"], template, values, "conf", default));
        Assert.Equal(code, sandbox.Code);
        Assert.True(SmsRefusals.IsContent(code));

        var (message, problems) = SmsTemplateCatalog.From(new SmsOptions()).Resolve(new SmsRequest { Template = template, Params = values });
        Assert.Null(message);
        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public async Task ContentLengthLimit_SandboxRefuses_ClientRefusesBeforeSending()
    {
        var options = new SmsOptions { Templates = [new SmsTemplate { Id = "2000001", Text = "政府信息公开：{1}详情请查阅政府门户网站。",
            Variables = [new() { MaxLength = 600 }] }] };
        var tooLong = new string('长', 480);
        Assert.Contains(SmsTemplateCatalog.From(options).Resolve(new SmsRequest { Text = tooLong }).Problems, p => p.Field == "sms.text");
        // The sandbox's account allows 40 characters in this variable, so it refuses by the variable limit first; the total rule
        // is met by the client-side check above. The sandbox's own total check is exercised with a template without that limit.
        var e = await Assert.ThrowsAsync<TencentSmsException>(() => Client().SendAsync(["+8613800000001"], "2000001", [tooLong], "conf", default));
        Assert.StartsWith("InvalidParameterValue.", e.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PulledStatuses_CarryNoSessionContext()
    {
        var client = Client();
        var sent = await client.SendAsync(["+8613800000001"], "2000002", ["应急管理局"], "item-x#0", default);
        var serial = Assert.Single(sent).SerialNo;

        var pulled = await client.PullByPhoneAsync("+8613800000001", DateTimeOffset.UtcNow.AddMinutes(-1), default);

        var mine = Assert.Single(pulled, r => r.SerialNo == serial);
        Assert.Equal("", mine.SessionContext);
    }

    [Fact]
    public async Task SilentNumber_AcceptedAndNeverReported()
    {
        var client = Client();
        var sent = Assert.Single(await client.SendAsync(["+8613900000019"], "2000002", ["应急管理局"], "item-y#0", default));
        Assert.True(sent.Ok);

        var pulled = await client.PullByPhoneAsync("+8613900000019", DateTimeOffset.UtcNow.AddMinutes(-1), default);

        Assert.DoesNotContain(pulled, r => r.SerialNo == sent.SerialNo);
    }

    [Fact]
    public async Task FailedReceipt_RefinesTheViewNotTheCount()
    {
        var client = Client();
        var sent = Assert.Single(await client.SendAsync(["+8613900000053"], "2000002", ["应急管理局"], "item-f#0", default));
        Assert.True(sent.Ok);

        var status = Assert.Single(await client.PullByPhoneAsync("+8613900000053", DateTimeOffset.UtcNow.AddMinutes(-1), default),
            r => r.SerialNo == sent.SerialNo);

        Assert.Equal("FAIL", status.ReportStatus);
    }

    [Fact]
    public async Task Send_AnswersPerNumber_FeeByLength()
    {
        var sent = await Client().SendAsync(["+8613800000001", "+8613800000002"], "2000001", [new string('长', 40)], "item-z#0", default);

        Assert.Equal(2, sent.Select(s => s.SerialNo).Distinct().Count());
        var expected = SmsTemplateText.Segments(SmsTemplateText.Length("【芙蓉区政务公开】政府信息公开：" + new string('长', 40) + "详情请查阅政府门户网站。"));
        Assert.All(sent, s => Assert.Equal(expected, s.Fee));
        // 【芙蓉区政务公开】(9) + 政府信息公开：(7) + 40 + 详情请查阅政府门户网站。(12) = 68 characters: one message of 70.
        Assert.Equal(1, expected);
    }

    [Fact]
    public async Task PhoneNumberCountLimit_BatchesStayUnder()
    {
        var numbers = Enumerable.Range(0, 201).Select(i => $"+86137{i:D8}").ToList();
        var e = await Assert.ThrowsAsync<TencentSmsException>(() => Client().SendAsync(numbers, "2000002", ["应急管理局"], "conf", default));
        Assert.Equal("LimitExceeded.PhoneNumberCountLimit", e.Code);

        var options = new SmsOptions { BatchSize = 201 };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(SmsOptions.BatchSize)));
    }

    [Fact]
    public async Task Lookup_ReachesPastAFullAnswer()
    {
        // 120 earlier messages to one number (two bursts, a second apart) fill a whole answer; the lost batch's own message comes after them.
        var client = Client();
        const string phone = "+8613700000481";
        foreach (var burst in new[] { 60, 60 })
        {
            for (var i = 0; i < burst; i++) Assert.True(Assert.Single(await client.SendAsync([phone], "2000002", ["应急管理局"], "fill", default)).Ok);
            await Task.Delay(TimeSpan.FromSeconds(2.2));
        }

        var intentAt = DateTimeOffset.UtcNow;
        var lost = Assert.Single(await client.SendAsync([phone], "2000002", ["应急管理局"], "lost#0", default)); // its answer "lost": no sid row written

        var oneCall = await client.PullByPhoneAsync(phone, intentAt - SmsBatchReconciler.Skew, default);
        var found = await host.Services.GetRequiredService<SmsBatchReconciler>().ReconcileAsync([phone], intentAt, default);

        Assert.Equal(TencentSmsClient.ByPhoneLimit, oneCall.Count);
        Assert.DoesNotContain(oneCall, s => s.SerialNo == lost.SerialNo); // the platform's first page only: Offset cannot reach further
        Assert.Equal(lost.SerialNo, Assert.IsType<SmsBatchResult>(found).Accepted[phone]);
    }

    [Fact]
    public async Task Lookup_AStatusAnotherReconciledBatchClaimed_IsAmbiguous_NotNoTrace()
    {
        // The platform shows one message in the window, and a reconciliation already gave it to another batch: whether this batch went
        // out cannot be told, so it must not be re-sent as "never sent" (it could be a second copy); a claim from a SendSms answer is certain.
        const string phone = "+8613700000105";
        var intentAt = DateTimeOffset.UtcNow;
        var sent = Assert.Single(await Client().SendAsync([phone], "2000002", ["应急管理局"], "other#0", default));
        var table = host.Services.GetRequiredService<Channels.Publishing.Storage.ChannelsStorage>().SmsReceipts;
        var reconciler = host.Services.GetRequiredService<SmsBatchReconciler>();

        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(SmsPublisher.SidPartition, SmsPublisher.ReceiptKey(sent.SerialNo!))
            { ["ItemId"] = "other", ["Reconciled"] = false });
        var certain = await reconciler.ReconcileAsync([phone], intentAt, default);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(SmsPublisher.SidPartition, SmsPublisher.ReceiptKey(sent.SerialNo!))
            { ["ItemId"] = "other", ["Reconciled"] = true });
        var ambiguous = await Assert.ThrowsAsync<SmsLookupUnavailableException>(() => reconciler.ReconcileAsync([phone], intentAt, default));

        Assert.Null(certain);
        Assert.Equal("AmbiguousWithAnotherReconciledBatch", ambiguous.Code);
    }

    /// <summary>A client with the sandbox profile's credentials (the options have no defaults).</summary>
    TencentSmsClient Client() => new(new HttpClient { BaseAddress = new Uri(host.Sandbox.BaseAddress!, "sms/") }, Options.Create(new SmsOptions
    {
        SecretId = SandboxProfile.Settings["Channels:Sms:SecretId"], SecretKey = SandboxProfile.Settings["Channels:Sms:SecretKey"],
        SmsSdkAppId = SandboxProfile.Settings["Channels:Sms:SmsSdkAppId"],
    }), TimeProvider.System);
}
