using System.ComponentModel.DataAnnotations;
using Channels.Publishing.Rules;

namespace Channels.Tests.Rules;

public class InterpretationOptionsTests
{
    static List<ValidationResult> Problems(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void InterpretationDefaults_AreValid_AndSimultaneous()
    {
        var o = new InterpretationOptions();
        Assert.Empty(Problems(o));
        Assert.Same(InterpretationRule.Simultaneous, o.ToRule());
    }

    [Fact]
    public void InterpretationWorkingDaysMode_GivesTheLocalRule()
    {
        var rule = new InterpretationOptions { Mode = "working-days", WorkingDays = 3 }.ToRule();
        Assert.Equal(InterpretationMode.WithinWorkingDays, rule.Mode);
        Assert.Equal(3, rule.WorkingDayLimit);
    }

    [Theory]
    [InlineData("weekly", 3, "Mode")]
    [InlineData("Simultaneous", 3, "Mode")]
    [InlineData("working-days", 0, "WorkingDays")]
    [InlineData("working-days", 21, "WorkingDays")]
    public void InterpretationOutOfRange_IsRefused(string mode, int days, string member) =>
        Assert.Contains(Problems(new InterpretationOptions { Mode = mode, WorkingDays = days }), p => p.MemberNames.Contains(member));
}
