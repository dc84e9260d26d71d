using System.ComponentModel.DataAnnotations;
using Channels.Publishing.Rules;

namespace Channels.Tests.Rules;

public class EmergencyOptionsTests
{
    static List<ValidationResult> Problems(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void EmergencyDefaults_AreValid() => Assert.Empty(Problems(new EmergencyOptions()));

    [Theory]
    [InlineData(0, 0, "DeadlineHours")]
    [InlineData(49, 60, "DeadlineHours")]
    [InlineData(5, -1, "WarnMinutesBefore")]
    [InlineData(5, 301, "WarnMinutesBefore")]
    public void EmergencyOutOfRange_IsRefused(int hours, int warn, string member) =>
        Assert.Contains(Problems(new EmergencyOptions { DeadlineHours = hours, WarnMinutesBefore = warn }), p => p.MemberNames.Contains(member));

    [Fact]
    public void EmergencyWarningAtTheIncident_IsAllowed() =>
        Assert.Empty(Problems(new EmergencyOptions { DeadlineHours = 5, WarnMinutesBefore = 300 }));

    [Fact]
    public void EmergencyClock_RefusesInvalidOptions() =>
        Assert.Throws<ValidationException>(() => new EmergencyClock(new EmergencyOptions { DeadlineHours = 2, WarnMinutesBefore = 180 }));
}
