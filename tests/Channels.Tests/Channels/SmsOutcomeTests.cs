using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Ledger;

namespace Channels.Tests.Channels;

/// <summary>What an SMS ledger row says: refusals that are permanent, pending batches, the stored view.</summary>
public class SmsOutcomeTests
{
    [Theory]
    [InlineData("FailedOperation.TemplateIncorrectOrUnapproved", true)]
    [InlineData("FailedOperation.TemplateParamSetNotMatchApprovedTemplate", true)]
    [InlineData("InvalidParameterValue.TemplateParameterLengthLimit", true)]
    [InlineData("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", true)]
    [InlineData("InvalidParameterValue.ContentLengthLimit", true)]
    [InlineData("InvalidParameterValue.IncorrectPhoneNumber", false)]
    [InlineData("LimitExceeded.AppDailyLimit", false)]
    [InlineData("InternalError.Timeout", false)]
    public void ContentRefusals_ArePermanent_QuotasAndTransientErrorsAreNot(string code, bool content) => Assert.Equal(content, SmsRefusals.IsContent(code));

    [Fact]
    public void ContentRefusal_ReasonInChinese_WithTheCode()
    {
        var reason = SmsRefusals.Reason("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", null);

        Assert.Contains("模板变量中不允许使用网址", reason, StringComparison.Ordinal);
        Assert.Contains("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PendingBatches_NamedWithWhenTheyAreSent_AndKeptOnADeliveredRow()
    {
        var note = SmsOutcomeText.Problems(new Dictionary<string, string>(), 200, 0, new DateTimeOffset(2017, 5, 13, 1, 0, 0, TimeSpan.Zero))!;

        Assert.Contains("200个号码", note, StringComparison.Ordinal);
        Assert.Contains("2017-05-13 09:00", note, StringComparison.Ordinal); // UTC+8
        Assert.Contains("未重发", note, StringComparison.Ordinal); // the delivered row keeps notes about what was not re-sent
    }

    [Fact]
    public void View_RoundTripsThroughTheLedgerRow_OnlyForSms()
    {
        var view = new SmsDeliveryView("2000001", "【芙蓉区政务公开】x", 10, 1, 2, 0, 1, 0, 1, null, 0, null);
        var summary = new SmsDeliverySummary();
        var sms = new DeliveryEntry { PartitionKey = "a", RowKey = "sms", Steps = System.Text.Json.JsonSerializer.Serialize(view,
            Publishing.Items.ChannelsJson.Options) };
        var weibo = new DeliveryEntry { PartitionKey = "a", RowKey = "weibo", Steps = sms.Steps };

        Assert.Equal(view, SmsDeliverySummary.ViewOf(sms));
        Assert.Null(SmsDeliverySummary.ViewOf(weibo));
        Assert.Equal(0, summary.Accepted);
    }

    [Fact]
    public void TwoVariableTemplate_TextMatchedToItsVariables_InTheirNumbers()
    {
        var options = new SmsOptions
        {
            TemplateId = "3",
            Templates = [new SmsTemplate { Id = "3", Text = "{2}发布：{1}，详见区政府网站。", Variables = [new() { MaxLength = 20 }, new() { MaxLength = 6 }] }],
        };

        var (message, problems) = SmsTemplateCatalog.From(options).Resolve(new Publishing.Items.SmsRequest { Text = "区应急局发布：台风预警，详见区政府网站。" });

        Assert.Empty(problems);
        Assert.Equal(["台风预警", "区应急局"], message!.Params);
    }
}
