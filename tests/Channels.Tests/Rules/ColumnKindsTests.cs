using Channels.Publishing.Items;
using Channels.Publishing.Rules;

namespace Channels.Tests.Rules;

public class ColumnKindsTests
{
    [Fact]
    public void EveryCatalogColumn_IsClassifiedExactlyOnce()
    {
        Assert.Equal(ColumnCatalog.All.Select(c => c.Name).Order(StringComparer.Ordinal), ColumnKinds.All.Select(r => r.Column).Order(StringComparer.Ordinal));
        Assert.Equal(24, ColumnKinds.All.Count);
    }

    [Fact]
    public void ExemptColumns_SayWhy_AndOthersDoNot() => Assert.All(ColumnKinds.All, r =>
        Assert.Equal(r.Kind == ColumnKind.Exempt, !string.IsNullOrWhiteSpace(r.ExemptReason)));

    [Theory]
    [InlineData("政务动态", ColumnKind.News)]
    [InlineData("通知公告", ColumnKind.Notice)]
    [InlineData("政策法规", ColumnKind.Notice)]
    [InlineData("政策解读", ColumnKind.Notice)]
    [InlineData("机构职能", ColumnKind.Exempt)]
    [InlineData("财政信息", ColumnKind.Exempt)]
    public void KnownColumns_HaveTheirKind(string column, ColumnKind kind) => Assert.Equal(kind, ColumnKinds.Find(column)?.Kind);

    [Fact]
    public void UnknownColumn_IsNotFound() => Assert.Null(ColumnKinds.Find("不存在的栏目"));
}
