using Channels.Publishing.Items;

namespace Channels.Tests.Items;

public class ItemValidatorTests
{
    static IReadOnlyDictionary<string, string[]> Errors(PublicationItem item) => ItemValidator.Validate(item, SampleItems.Now).Errors;

    [Fact]
    public void Validate_CompleteApprovedItem_HasNoProblems() => Assert.Empty(Errors(SampleItems.Valid()));

    [Fact]
    public void Validate_NoApproval_NamesApproval() =>
        Assert.Contains("approval", Errors(SampleItems.Valid() with { Approval = null }).Keys);

    [Fact]
    public void Validate_ApproverIsAuthor_NamesApprover()
    {
        var item = SampleItems.Valid();
        Assert.Contains("approval.approver", Errors(item with { Approval = item.Approval! with { Approver = " 李明 " } }).Keys);
    }

    [Fact]
    public void Validate_ConfidentialityReviewNotPassed_IsRefused()
    {
        var item = SampleItems.Valid();
        var errors = Errors(item with { Approval = item.Approval! with { ConfidentialityReview = new ConfidentialityReview { Passed = false } } });
        Assert.Contains("approval.confidentialityReview.passed", errors.Keys);
    }

    [Fact]
    public void Validate_ApprovedAfterPublication_IsRefused()
    {
        var item = SampleItems.Valid();
        Assert.Contains("approval.approvedAt", Errors(item with { Approval = item.Approval! with { ApprovedAt = item.PublishAt!.Value.AddMinutes(1) } }).Keys);
    }

    [Fact]
    public void Validate_MissingReviewer_IsRefused()
    {
        var item = SampleItems.Valid();
        Assert.Contains("approval.reviewer", Errors(item with { Approval = item.Approval! with { Reviewer = "" } }).Keys);
    }

    [Fact]
    public void Validate_UnknownChannel_NamesItsIndex() =>
        Assert.Contains("channels[1]", Errors(SampleItems.Valid() with { Channels = ["website", "douyin"] }).Keys);

    [Fact]
    public void Validate_UnknownColumn_NamesItsIndex() =>
        Assert.Contains("columns[0]", Errors(SampleItems.Valid() with { Columns = ["不存在的栏目"] }).Keys);

    [Fact]
    public void Validate_WebsiteWithoutColumns_IsRefused() =>
        Assert.Contains("columns", Errors(SampleItems.Valid() with { Columns = [] }).Keys);

    [Fact]
    public void Validate_NoWebsite_NeedsNoColumns() =>
        Assert.Empty(Errors(SampleItems.Valid() with { Columns = [], Channels = ["weibo"] }));

    [Theory]
    [InlineData("12345")]
    [InlineData("+1 555 0100")]
    [InlineData("1380000000x")]
    public void Validate_InvalidPhone_NamesTheNumber(string phone)
    {
        var item = SampleItems.Valid();
        Assert.Contains("sms.audience[1]", Errors(item with { Sms = item.Sms! with { Audience = ["13800000001", phone] } }).Keys);
    }

    [Fact]
    public void Validate_DuplicatePhoneInAnotherForm_IsRefused()
    {
        var item = SampleItems.Valid();
        Assert.Contains("sms.audience[1]", Errors(item with { Sms = item.Sms! with { Audience = ["13800000001", "+86 138 0000 0001"] } }).Keys);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("中文编号")]
    public void Validate_IdWithPathOrForeignCharacters_IsRefused(string id) =>
        Assert.Contains("id", Errors(SampleItems.Valid() with { Id = id }).Keys);

    [Fact]
    public void Validate_EmergencyWithoutIncidentTime_IsRefused() =>
        Assert.Contains("incidentAt", Errors(SampleItems.Valid() with { Priority = "emergency" }).Keys);

    [Fact]
    public void Validate_BulletinWithoutBoards_IsRefused() =>
        Assert.Contains("bulletin.boards", Errors(SampleItems.Valid() with { Bulletin = null }).Keys);

    [Fact]
    public void Validate_PublishAtMissing_IsRefused() =>
        Assert.Contains("publishAt", Errors(SampleItems.Valid() with { PublishAt = null }).Keys);
}
