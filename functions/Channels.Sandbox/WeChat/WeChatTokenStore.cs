using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>What a presented access_token is worth.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

/// <summary>
/// Access tokens (contract reference §1.2). stable_token: the same token while valid, with its remaining lifetime;
/// a new one in its last 5 minutes (only when the lifetime exceeds 10 minutes, so short test lifetimes stay simple)
/// while the old stays valid until it expires; force_refresh invalidates the old one at once. cgi-bin/token: every
/// call issues a new token and invalidates the previous classic one at once (no grace window in the sandbox).
/// Rules (https://developers.weixin.qq.com/doc/service/api/base/api_getstableaccesstoken, 注意事项):
/// force_refresh=false returns the same token while it is valid (普通模式 有效期内重复调用该接口不会更新), so a client that
/// re-asks in ordinary mode after 40001 gets the rejected token back; force_refresh=true revokes it and issues a new one,
/// but a forced call less than 30 s after the previous forced one does not refresh (连续使用该模式时…间隔至少为30s，否则不会刷新)
/// and answers the current token. The 20-a-day limit of forced refreshes is not emulated.
/// </summary>
internal sealed class WeChatTokenStore(SandboxOptions options, TimeProvider clock, SandboxIds ids) : IResettable
{
    sealed class Issued(string value, DateTimeOffset expiresAt)
    {
        public string Value { get; } = value;
        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
        public bool Revoked { get; set; }
    }

    readonly Dictionary<string, Issued> byValue = new(StringComparer.Ordinal);
    readonly Lock gate = new();
    Issued? stable;
    Issued? classic;
    DateTimeOffset? lastForced;

    TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(1, options.TokenLifetimeSeconds));

    TimeSpan RotationWindow => Lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : TimeSpan.Zero;

    public (string Token, int ExpiresIn) Stable(bool forceRefresh)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var tooSoon = forceRefresh && lastForced is { } last && now - last < TimeSpan.FromSeconds(30);
            if ((!forceRefresh || tooSoon) && stable is { Revoked: false } current && current.ExpiresAt - now > RotationWindow)
                return (current.Value, (int)Math.Ceiling((current.ExpiresAt - now).TotalSeconds));
            if (forceRefresh && !tooSoon)
            {
                lastForced = now;
                if (stable is not null) stable.Revoked = true;
            }

            stable = Issue("stable", now);
            return (stable.Value, (int)Lifetime.TotalSeconds);
        }
    }

    public (string Token, int ExpiresIn) Classic()
    {
        lock (gate)
        {
            if (classic is not null) classic.Revoked = true;
            classic = Issue("classic", clock.GetUtcNow());
            return (classic.Value, (int)Lifetime.TotalSeconds);
        }
    }

    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token)) return TokenCheck.Missing;
        lock (gate)
        {
            if (!byValue.TryGetValue(token, out var issued) || issued.Revoked) return TokenCheck.Invalid;
            return issued.ExpiresAt <= clock.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid;
        }
    }

    /// <summary>Makes every token issued so far expire now (POST /sandbox/wechat/expire-tokens): the next call with one gets 42001.</summary>
    public int ExpireAll()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            foreach (var issued in byValue.Values) issued.ExpiresAt = now;
            return byValue.Count;
        }
    }

    Issued Issue(string kind, DateTimeOffset now)
    {
        var value = $"sandbox_{kind}_{ids.Next("wechat-token"):D6}_{SandboxIds.RandomToken(24)}";
        var issued = new Issued(value, now + Lifetime);
        byValue[value] = issued;
        return issued;
    }

    public void Reset()
    {
        lock (gate)
        {
            byValue.Clear();
            stable = null;
            classic = null;
            lastForced = null;
        }
    }
}
