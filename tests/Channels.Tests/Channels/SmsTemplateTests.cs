using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Items;

namespace Channels.Tests.Channels;

/// <summary>Templates as configuration: how an item's SMS becomes a template with parameters, its final text and billed messages.</summary>
public class SmsTemplateTests
{
    static readonly SmsTemplateCatalog Catalog = SmsTemplateCatalog.From(new SmsOptions());

    [Fact]
    public void V1Text_CarriedByTheDefaultNoticeTemplate_WithSignatureAndOneSegment()
    {
        var (message, problems) = Catalog.Resolve(new SmsRequest { Text = "请做好防汛准备。" });

        Assert.Empty(problems);
        Assert.Equal("2000001", message!.TemplateId);
        Assert.Equal(["请做好防汛准备。"], message.Params);
        Assert.Equal("【政务公开】政府信息公开：请做好防汛准备。详情请查阅政府门户网站。", message.Text);
        Assert.Equal(message.Text.Length, message.Length);
        Assert.Equal(1, message.Segments);
    }

    [Fact]
    public void V1Text_ThatIsTheWholeTemplateFilledIn_GivesTheVariableOnly()
    {
        var (message, _) = Catalog.Resolve(new SmsRequest { Text = "政府信息公开：停水通知。详情请查阅政府门户网站。" });

        Assert.Equal(["停水通知。"], message!.Params);
    }

    [Fact]
    public void V1Text_TooLongForTheVariable_422OnSmsText_WithTheMessageAsItWouldBeSent()
    {
        var text = new string('防', 41);
        var (message, problems) = Catalog.Resolve(new SmsRequest { Text = text });

        Assert.Null(message);
        var p = Assert.Single(problems);
        Assert.Equal("sms.text", p.Field);
        Assert.Contains("最多40个字", p.Message, StringComparison.Ordinal);
        Assert.Contains("【政务公开】政府信息公开：" + text, p.Message, StringComparison.Ordinal);
        // 【政务公开】(6) + 政府信息公开：(7) + 41 + 详情请查阅政府门户网站。(12) = 66 characters: one message of 70.
        Assert.Contains("计费1条", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("详见 https://www.furong.gov.cn/a")]
    [InlineData("详见www.furong.gov.cn")]
    [InlineData("详见furong.gov.cn")]
    public void AUrlInAVariable_Refused(string text)
    {
        var (_, problems) = Catalog.Resolve(new SmsRequest { Text = text });

        Assert.Contains(problems, p => p.Field == "sms.text" && p.Message.Contains("网址", StringComparison.Ordinal));
    }

    [Fact]
    public void NamedTemplate_ParamsCheckedPerVariable_AgainstItsOwnLimit()
    {
        Assert.Empty(Catalog.Resolve(new SmsRequest { Template = "2000002", Params = ["应急管理局"] }).Problems);
        Assert.Empty(Catalog.Resolve(new SmsRequest { Template = "部门发布提醒", Params = ["应急管理局"] }).Problems);

        var tooLong = Catalog.Resolve(new SmsRequest { Template = "2000002", Params = ["区住房和城乡建设局"] }).Problems;
        Assert.Equal("sms.params[0]", Assert.Single(tooLong).Field);
        Assert.Contains("最多6个字", tooLong[0].Message, StringComparison.Ordinal);

        Assert.Equal("sms.params", Assert.Single(Catalog.Resolve(new SmsRequest { Template = "2000002", Params = [] }).Problems).Field);
        Assert.Equal("sms.template", Assert.Single(Catalog.Resolve(new SmsRequest { Template = "9999999", Params = ["x"] }).Problems).Field);
        Assert.Equal("sms.template", Assert.Single(Catalog.Resolve(new SmsRequest { Text = "x", Params = ["x"] }).Problems).Field);
    }

    [Fact]
    public void NamedTemplate_WithADifferentText_Refused()
    {
        var (_, problems) = Catalog.Resolve(new SmsRequest { Template = "2000002", Params = ["应急管理局"], Text = "别的内容" });

        Assert.Equal("sms.text", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(500, 8)]
    public void Segments_70ForOne_67PerPartOfALongOne(int length, int segments) => Assert.Equal(segments, SmsTemplateText.Segments(length));

    [Fact]
    public void Fit_ShortensInternalTextsToTheVariable()
    {
        var message = Catalog.Fit(new string('警', 100))!;

        Assert.Equal(40, SmsTemplateText.Length(message.Params[0]));
        Assert.EndsWith("…", message.Params[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AllVariableTemplate_Refused()
    {
        var options = new SmsOptions
        {
            BaseUrl = "https://sms.tencentcloudapi.com/", SecretId = "id", SecretKey = "key", SmsSdkAppId = "1400000001",
            Templates = [new SmsTemplate { Id = "2000001", Text = "{1}", Variables = [new() { MaxLength = 6 }] }],
        };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.Contains(results, r => r.ErrorMessage!.Contains("all variables", StringComparison.Ordinal));
    }

    [Fact]
    public void ItemValidation_NamesSmsText_WhenTheDefaultTemplateCannotCarryIt()
    {
        var item = SampleItems.Valid() with { Sms = new SmsRequest { Audience = ["13800000001"], Text = new string('长', 60) } };

        var problems = ItemValidator.Validate(item, SampleItems.Now);

        Assert.Contains("sms.text", problems.Errors.Keys);
    }
}
