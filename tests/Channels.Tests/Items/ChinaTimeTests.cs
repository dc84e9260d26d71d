using Channels.Publishing.Items;

namespace Channels.Tests.Items;

public class ChinaTimeTests
{
    [Theory]
    [InlineData("2017-12-31T16:30:00Z", 2018)]
    [InlineData("2017-12-31T15:59:59Z", 2017)]
    [InlineData("2018-01-01T00:30:00+08:00", 2018)]
    [InlineData("2017-12-31T23:59:59+08:00", 2017)]
    public void YearOf_CountsInChinaStandardTime(string instant, int year) =>
        Assert.Equal(year, ChinaTime.YearOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Normalise_PhoneForms_AllBecomeE164()
    {
        Assert.Equal("+8613800000001", PhoneNumbers.Normalise("13800000001"));
        Assert.Equal("+8613800000001", PhoneNumbers.Normalise("0086 138-0000-0001"));
        Assert.Equal("+86138****0001", PhoneNumbers.Mask("+8613800000001"));
    }
}
