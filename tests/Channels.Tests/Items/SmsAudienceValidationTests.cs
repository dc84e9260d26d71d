using Channels.Publishing.Items;

namespace Channels.Tests.Items;

public class SmsAudienceValidationTests
{
    static IReadOnlyDictionary<string, string[]> Errors(SmsRequest sms) =>
        ItemValidator.Validate(SampleItems.Valid() with { Channels = ["sms"], Sms = sms }, SampleItems.Now).Errors;

    [Fact]
    public void NamedAudienceAlone_IsEnough() =>
        Assert.Empty(Errors(new SmsRequest { Audiences = ["emergency-residents"], Text = "请做好防汛准备。" }));

    [Fact]
    public void NeitherNumbersNorAudiences_NamesAudience() =>
        Assert.Contains("sms.audience", Errors(new SmsRequest { Text = "请做好防汛准备。" }).Keys);

    [Theory]
    [InlineData("Emergency")]
    [InlineData("a")]
    [InlineData("../x")]
    [InlineData("-lead")]
    public void MalformedName_NamesTheEntry(string name) =>
        Assert.Contains("sms.audiences[1]", Errors(new SmsRequest { Audiences = ["district-staff", name], Text = "请做好防汛准备。" }).Keys);

    [Fact]
    public void RepeatedName_NamesTheRepeat() =>
        Assert.Contains("sms.audiences[1]", Errors(new SmsRequest { Audiences = ["district-staff", "district-staff"], Text = "请做好防汛准备。" }).Keys);
}
