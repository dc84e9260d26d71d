using Channels.Publishing.Items;

namespace Channels.Publishing.Seeds;

/// <summary>
/// Writes a year of approved items consistent with the seed report: exactly 11,359 website items whose column
/// postings match the 23 column figures (15,154, cross-listed), 1,008 of them also on Weibo, 484 on WeChat and 66
/// of the 征地拆迁 items on the bulletin boards; dates spread over the year in UTC+8. Deterministic for a seed,
/// so the same file comes out every time. <paramref name="scale"/> shrinks every figure and <paramref name="year"/>
/// moves the dates (both for tests).
/// </summary>
public static class YearDatasetGenerator
{
    static readonly string[] People = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵强", "黄涛", "周丽", "吴刚", "郑军", "孙悦", "马林", "朱红", "胡斌", "郭敏"];

    public static IReadOnlyList<PublicationItem> Generate(int seed = 2017, double scale = 1.0, int year = SeedFigures2017.Year)
    {
        var random = new Random(seed);
        int Scaled(int n) => Math.Max(1, (int)Math.Round(n * scale));
        var columns = SeedFigures2017.Columns.Select(c => (c.Column, Postings: Scaled(c.Postings))).ToList();
        var itemCount = Math.Min(Scaled(SeedFigures2017.WebsiteItems), columns.Sum(c => c.Postings));

        // Every column posting is a slot; the first slot of each item is its primary column, the rest cross-list.
        var slots = columns.SelectMany(c => Enumerable.Repeat(c.Column, c.Postings)).ToArray();
        random.Shuffle(slots);
        var itemColumns = Enumerable.Range(0, itemCount).Select(i => new List<string> { slots[i] }).ToList();
        foreach (var column in slots.Skip(itemCount))
        {
            int pick;
            do pick = random.Next(itemCount);
            while (itemColumns[pick].Contains(column));
            itemColumns[pick].Add(column);
        }

        var order = Enumerable.Range(0, itemCount).ToArray();
        random.Shuffle(order);
        var weibo = order.Take(Scaled(SeedFigures2017.WeiboPosts)).ToHashSet();
        var wechat = order.Skip(itemCount / 2).Take(Scaled(SeedFigures2017.WeChatArticles)).ToHashSet();
        var bulletin = Enumerable.Range(0, itemCount).Where(i => itemColumns[i].Contains("征地拆迁信息"))
            .Take(Scaled(SeedFigures2017.BulletinItems)).ToHashSet();

        var start = new DateTimeOffset(year, 1, 3, 8, 30, 0, ChinaTime.Offset);
        var items = new List<PublicationItem>(itemCount);
        for (var i = 0; i < itemCount; i++)
        {
            var at = start.AddMinutes((long)i * 361 * 24 * 60 / itemCount + random.Next(0, 600));
            var cols = itemColumns[i];
            var author = People[random.Next(People.Length)];
            var channels = new List<string> { ChannelNames.Website };
            if (wechat.Contains(i)) channels.Add(ChannelNames.WeChat);
            if (weibo.Contains(i)) channels.Add(ChannelNames.Weibo);
            if (bulletin.Contains(i)) channels.Add(ChannelNames.Bulletin);
            var slug = ColumnCatalog.Find(cols[0])!.Slug;
            var title = $"{cols[0]}：{Topic(random)}（{at:M月d日}）";
            items.Add(new PublicationItem
            {
                Id = $"fr{year}-{slug}-{i + 1:D5}",
                Title = title,
                Body = $"<p>{title}。本信息由芙蓉区人民政府依照《中华人民共和国政府信息公开条例》主动公开。</p>",
                Summary = title,
                Columns = cols,
                Publisher = "芙蓉区人民政府办公室",
                PublishAt = at,
                Channels = channels,
                Bulletin = bulletin.Contains(i) ? new BulletinRequest { Boards = ["项目指挥部宣传栏"] } : null,
                Approval = new ApprovalRecord
                {
                    Author = author,
                    Reviewer = People[(Array.IndexOf(People, author) + 1) % People.Length],
                    Approver = People[(Array.IndexOf(People, author) + 2) % People.Length],
                    ApprovedAt = at.AddHours(-random.Next(1, 48)),
                    ConfidentialityReview = new ConfidentialityReview { Passed = true },
                },
            });
        }

        return items;
    }

    static readonly string[] Topics =
    [
        "工作动态", "会议纪要", "公示公告", "政策文件", "项目进展", "检查通报", "办事指南", "统计信息", "资金安排",
        "招标结果", "监管通报", "民生实事", "人事任免", "专项整治", "服务事项",
    ];

    static string Topic(Random random) => Topics[random.Next(Topics.Length)];
}
