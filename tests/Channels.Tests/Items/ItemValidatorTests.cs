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

    [Theory]
    [InlineData("李明", "李\u200b明")]
    [InlineData("李明", "李明\u3000")]
    [InlineData("李明", "\u202e李明")]
    [InlineData("Li Ming", "Ｌｉ Ｍｉｎｇ")]
    [InlineData("Li Ming", "li  ming")]
    public void Validate_ApproverIsAuthorInDisguise_NamesApprover(string author, string approver)
    {
        var item = SampleItems.Valid();
        Assert.Contains("approval.approver", Errors(item with { Approval = item.Approval! with { Author = author, Approver = approver } }).Keys);
    }

    [Fact]
    public void Validate_InvisibleReviewer_IsMissing()
    {
        var item = SampleItems.Valid();
        Assert.Contains("approval.reviewer", Errors(item with { Approval = item.Approval! with { Reviewer = "\u200b\u200b" } }).Keys);
    }

    [Fact]
    public void Validate_ApprovedIn1900_IsRefused()
    {
        var item = SampleItems.Valid();
        Assert.Contains("approval.approvedAt", Errors(item with { Approval = item.Approval! with { ApprovedAt = new DateTimeOffset(1900, 1, 1, 0, 0, 0,
            TimeSpan.FromHours(8)) } }).Keys);
    }

    [Fact]
    public void Validate_NullChannelOrColumn_NamesItsIndex()
    {
        var errors = Errors(SampleItems.Valid() with { Channels = ["website", null!], Columns = ["通知公告", null!] });
        Assert.Contains("channels[1]", errors.Keys);
        Assert.Contains("columns[1]", errors.Keys);
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
    [InlineData("13８００００００１")]
    [InlineData("13800000001\n")]
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
    [InlineData("abc\n")]
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

    [Theory]
    [InlineData("430102000/2017-00001", false)]
    [InlineData("芙蓉区-2017-001", false)]
    [InlineData("", true)]
    [InlineData(" 430102000", true)]
    [InlineData("<script>", true)]
    [InlineData("a&b", true)]
    [InlineData("a\u0007b", true)]
    [InlineData("a\u200bb", true)]
    [InlineData("012345678901234567890123456789012345678901234567890", true)]
    public void Validate_IndexNumber_PrintableBoundedNoMarkup(string index, bool refused) =>
        Assert.Equal(refused, Errors(SampleItems.Valid() with { IndexNumber = index }).ContainsKey("indexNumber"));
}
