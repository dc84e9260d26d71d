using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>A draft in the draft box (草稿箱).</summary>
internal sealed record WeChatDraft(string MediaId, long Seq, IReadOnlyList<WeChatArticle> Articles, long UpdateTime)
{
    public IReadOnlyList<string> Titles => Articles.Select(a => a.Title).ToList();

    /// <summary>The temporary preview link draft/get hands out per article.</summary>
    public string PreviewUrl(int index) => $"https://mp.weixin.qq.com/s?__biz=sandbox&tempkey={MediaId}&idx={index + 1}";
}

/// <summary>The draft box. A published or mass-sent draft is taken out of it, as on the real platform.</summary>
internal sealed class WeChatDraftStore : IResettable
{
    readonly Dictionary<string, WeChatDraft> drafts = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public void Add(WeChatDraft draft)
    {
        lock (gate)
        {
            drafts[draft.MediaId] = draft;
        }
    }

    public WeChatDraft? Get(string? mediaId)
    {
        if (mediaId is null) return null;
        lock (gate)
        {
            return drafts.GetValueOrDefault(mediaId);
        }
    }

    /// <summary>Removes and returns the draft (atomically: of two concurrent takers only one gets it).</summary>
    public WeChatDraft? Take(string? mediaId)
    {
        if (mediaId is null) return null;
        lock (gate)
        {
            return drafts.Remove(mediaId, out var draft) ? draft : null;
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return drafts.Count;
            }
        }
    }

    /// <summary>A page of drafts, newest first.</summary>
    public (int Total, IReadOnlyList<WeChatDraft> Page) Page(int offset, int count)
    {
        lock (gate)
        {
            return (drafts.Count, drafts.Values.OrderByDescending(d => d.Seq).Skip(offset).Take(count).ToList());
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            drafts.Clear();
        }
    }
}
