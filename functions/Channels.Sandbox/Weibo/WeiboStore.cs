using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Weibo;

/// <summary>A status posted through the sandbox.</summary>
internal sealed record WeiboPost(long Id, string Text, DateTimeOffset CreatedAt, bool HasPic)
{
    public string IdStr => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The account's statuses. Identical text to a live (undeleted) status of the account is refused.</summary>
internal sealed class WeiboStore(SandboxIds ids, TimeProvider clock) : IResettable
{
    const long FirstId = 4_900_000_000_000_000;
    readonly Dictionary<long, WeiboPost> live = [];
    readonly Lock gate = new();

    /// <summary>Posts the status, or returns null when the same text is already live (20019).</summary>
    public WeiboPost? TryPost(string text, bool hasPic)
    {
        lock (gate)
        {
            if (live.Values.Any(p => p.Text == text)) return null;
            var post = new WeiboPost(FirstId + ids.Next("weibo-status"), text, clock.GetUtcNow(), hasPic);
            live[post.Id] = post;
            return post;
        }
    }

    /// <summary>Deletes the status and returns it, or null when it does not exist (20101).</summary>
    public WeiboPost? Destroy(long id)
    {
        lock (gate)
        {
            return live.Remove(id, out var post) ? post : null;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            live.Clear();
        }
    }
}
