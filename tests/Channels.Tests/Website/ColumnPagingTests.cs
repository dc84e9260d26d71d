using Channels.Publishing.Channels.Website;

namespace Channels.Tests.Website;

public class ColumnPagingTests
{
    const int N = 5;

    static SiteListing E(int i) => new($"i-{i:D3}", $"标题{i}", "2017-01-01", $"2017010100{i:D4}");

    static ColumnHead Add(ColumnHead head, IEnumerable<int> ids, out List<ColumnPageEntries> sealedNow) =>
        ColumnPaging.Merge(head, [.. ids.Select(E)], new HashSet<string>(), N, out sealedNow);

    [Fact]
    public void Merge_UpToN_StaysOnOpenPage()
    {
        var head = Add(new ColumnHead(), Enumerable.Range(1, N), out var sealedNow);
        Assert.Empty(sealedNow);
        Assert.Empty(head.Sealed);
        Assert.Equal(N, head.Open.Count);
    }

    [Fact]
    public void Merge_NPlusOne_SealsOldestNAsPage1()
    {
        var head = Add(new ColumnHead(), Enumerable.Range(1, N + 1), out var sealedNow);
        var page = Assert.Single(sealedNow);
        Assert.Equal(1, page.Number);
        Assert.Equal(Enumerable.Range(1, N).Select(E), page.Entries);
        Assert.Equal([E(N + 1)], head.Open);
        Assert.StartsWith("1-", Assert.Single(head.Sealed).Doc);
    }

    [Fact]
    public void Merge_BurstOfManyInOneRun_SealsEveryFullBucketInArrivalOrder()
    {
        var head = Add(new ColumnHead(), Enumerable.Range(1, 3 * N + 2), out var sealedNow);
        Assert.Equal([1, 2, 3], sealedNow.Select(p => p.Number));
        Assert.Equal(E(2 * N + 1), sealedNow[2].Entries[0]);
        Assert.Equal(2, head.Open.Count);
        Assert.Equal(3, head.Sealed.Count);
    }

    [Fact]
    public void Merge_SealedBucketsNeverMove_LaterArrivalsOnlyTouchOpenPage()
    {
        var head = Add(new ColumnHead(), Enumerable.Range(1, N + 1), out _);
        var sealedBefore = head.Sealed.ToList();
        head = Add(head, Enumerable.Range(N + 2, N - 1), out var sealedNow);
        Assert.Empty(sealedNow);
        Assert.Equal(sealedBefore, head.Sealed);
        Assert.Equal(N, head.Open.Count);
    }

    [Fact]
    public void Merge_SameItemAgain_ReplacedNotDuplicated()
    {
        var head = Add(new ColumnHead(), [1, 2, 3], out _);
        head = Add(head, [2, 2], out _);
        Assert.Equal(3, head.Open.Count);
        Assert.Equal(3, head.Latest.Count);
    }

    [Fact]
    public void Merge_Remove_LeavesOpenPageAndLatest()
    {
        var head = Add(new ColumnHead(), [1, 2, 3], out _);
        head = ColumnPaging.Merge(head, [], new HashSet<string> { "i-002" }, N, out _);
        Assert.DoesNotContain(head.Open, e => e.ItemId == "i-002");
        Assert.DoesNotContain(head.Latest, e => e.ItemId == "i-002");
    }

    [Fact]
    public void Merge_BackdatedArrival_OnOpenPageButNotInLatestWhenOlderThanN()
    {
        var head = Add(new ColumnHead(), Enumerable.Range(10, N), out _);
        head = Add(head, [1], out _);
        Assert.Equal([E(1)], head.Open);
        Assert.DoesNotContain(head.Latest, e => e.ItemId == "i-001");
        Assert.Equal(Enumerable.Range(10, N).Reverse().Select(E), head.Latest);
    }

    [Fact]
    public void NewestFirst_SortsBySortKeyDescending() =>
        Assert.Equal(["i-003", "i-002", "i-001"], ColumnPaging.NewestFirst([E(2), E(1), E(3)]).Select(e => e.ItemId));

    [Fact]
    public void Pager_NoSealedPages_IsEmpty() => Assert.Empty(ColumnPaging.Pager(0, 0));

    [Fact]
    public void Pager_OpenPage_LinksNewestSealedPagesAndOldest()
    {
        var links = ColumnPaging.Pager(0, 7);
        Assert.Equal(["最新", "7", "6", "5", "4", "下一页", "最早"], links.Select(l => l.Label));
        Assert.Null(links[0].Href);
        Assert.Equal("index_7.html", links.Single(l => l.Label == "下一页").Href);
        Assert.Equal("index_1.html", links[^1].Href);
    }

    [Fact]
    public void Pager_NewestSealedPage_NewerIsIndexHtml()
    {
        var links = ColumnPaging.Pager(7, 7);
        Assert.Equal("index.html", links.Single(l => l.Label == "上一页").Href);
        Assert.Null(links.Single(l => l.Label == "7").Href);
        Assert.Equal("index_6.html", links.Single(l => l.Label == "下一页").Href);
    }

    [Fact]
    public void Pager_OldestPage_HasNoOlderAndIsCurrentAsOldest()
    {
        var links = ColumnPaging.Pager(1, 3);
        Assert.DoesNotContain(links, l => l.Label == "下一页");
        Assert.Equal("index_2.html", links.Single(l => l.Label == "上一页").Href);
        Assert.Null(links.Single(l => l.Label == "最早").Href);
    }

    [Fact]
    public void Pager_OlderSealedPage_DoesNotDependOnLaterSeals() =>
        Assert.Equal(ColumnPaging.Pager(4, 6), ColumnPaging.Pager(4, 60));

    [Theory]
    [InlineData(0, "index.html")]
    [InlineData(1, "index_1.html")]
    [InlineData(12, "index_12.html")]
    public void FileName_FollowsIndexConvention(int number, string expected) => Assert.Equal(expected, ColumnPaging.FileName(number));
}
