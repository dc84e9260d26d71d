using System.Text;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Items;
using Microsoft.Extensions.Time.Testing;

namespace Channels.Tests.Channels;

/// <summary>WeChat's field limits at submission, the push crypto, the raw JSON and multipart shapes, and verdict meanings.</summary>
public class WeChatRulesTests
{
    static IReadOnlyDictionary<string, string[]> Errors(PublicationItem item) => ItemValidator.Validate(item, SampleItems.Now).Errors;

    static PublicationItem WeChatItem() => SampleItems.Valid() with { Channels = ["wechat"] };

    [Fact]
    public void TitleOver32_Refused_NamingTitle_AndAWeChatTitleLetsItThrough()
    {
        var item = WeChatItem() with { Title = new string('长', 33) };
        Assert.Contains("wechat.title", Assert.Single(Errors(item)["title"]), StringComparison.Ordinal);
        Assert.Empty(Errors(item with { WeChat = new WeChatRequest { Title = new string('短', 32) } }));
        Assert.Contains("wechat.title", Errors(item with { WeChat = new WeChatRequest { Title = new string('短', 33) } }).Keys);
        Assert.Empty(Errors(item with { Channels = ["website"], Columns = SampleItems.Valid().Columns })); // the website keeps its long title
    }

    [Fact]
    public void Emoji_CountsAsOneCharacter()
    {
        Assert.Equal(32, WeChatItemRules.Length(string.Concat(Enumerable.Repeat("通😀", 16))));
        Assert.Empty(Errors(WeChatItem() with { Title = string.Concat(Enumerable.Repeat("通😀", 16)) }));
    }

    [Fact]
    public void SummaryOver128_Refused_UnlessAWeChatDigestIsGiven()
    {
        var item = WeChatItem() with { Summary = new string('摘', 129) };
        Assert.Contains("summary", Errors(item).Keys);
        var digested = item with { WeChat = new WeChatRequest { Digest = "短摘要" } };
        Assert.Empty(Errors(digested));
        Assert.Equal("短摘要", WeChatItemRules.DigestOf(digested));
        Assert.Contains("wechat.digest", Errors(item with { WeChat = new WeChatRequest { Digest = new string('摘', 129) } }).Keys);
    }

    [Fact]
    public void PublisherOver16_Refused_BlankWeChatFieldsRefused()
    {
        Assert.Contains("publisher", Errors(WeChatItem() with { Publisher = new string('芙', 17) }).Keys);
        var blank = Errors(WeChatItem() with { WeChat = new WeChatRequest { Title = " ", Digest = "" } });
        Assert.Contains("wechat.title", blank.Keys);
        Assert.Contains("wechat.digest", blank.Keys);
    }

    [Fact]
    public void DigestDefaultsToTheBodyCutAt128()
    {
        var item = WeChatItem() with { Summary = null, Body = "<p>" + new string('正', 300) + "</p>" };
        Assert.Equal(128, WeChatItemRules.Length(WeChatItemRules.DigestOf(item)));
    }

    [Fact]
    public void Json_WritesEmojiRaw_NoUnicodeEscapes()
    {
        var json = WeChatJson.Serialize(new { title = "防汛😀通知", note = "a\"b\\u" });
        Assert.Contains("防汛😀通知", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uD83D", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("a\\\"b\\\\u", json, StringComparison.Ordinal); // real escapes stay
    }

    [Fact]
    public async Task Multipart_UnquotedBoundary_QuotedNameAndFilename_PartContentType_NoFilenameStar()
    {
        using var content = WeChatMultipart.File([1, 2, 3], "cover.jpg", "image/jpeg");
        var type = content.Headers.ContentType!.ToString();
        Assert.Matches("^multipart/form-data; boundary=[^\"]+$", type);
        var body = Encoding.ASCII.GetString(await content.ReadAsByteArrayAsync());
        const string part = "Content-Disposition: form-data; name=\"media\"; filename=\"cover.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        Assert.Contains(part, body, StringComparison.Ordinal);
        Assert.DoesNotContain("filename*", body, StringComparison.Ordinal);
        var boundary = type[(type.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.StartsWith("--" + boundary + "\r\n", body, StringComparison.Ordinal);
        Assert.EndsWith("\r\n--" + boundary + "--\r\n", body, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => WeChatMultipart.File([1], "封面.jpg", "image/jpeg"));
    }

    const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    [Fact]
    public void Crypt_RoundTrips_PadsTo32_AndRefusesAnotherAppIdOrTampering()
    {
        var encrypt = WeChatMessageCrypt.Encrypt(Key, "wxappid", "<xml>事件</xml>");
        Assert.Equal(0, Convert.FromBase64String(encrypt).Length % 32);
        Assert.Equal("<xml>事件</xml>", WeChatMessageCrypt.Decrypt(Key, "wxappid", encrypt));
        Assert.Null(WeChatMessageCrypt.Decrypt(Key, "wxother", encrypt));
        var bytes = Convert.FromBase64String(encrypt);
        bytes[^1] ^= 0x55;
        Assert.Null(WeChatMessageCrypt.Decrypt(Key, "wxappid", Convert.ToBase64String(bytes)));
        Assert.Null(WeChatMessageCrypt.Decrypt(Key, "wxappid", "not base64!"));
    }

    [Fact]
    public void Crypt_SignatureIsSha1OfTheSortedFour_AndKeysAreChecked()
    {
        var sig = WeChatMessageCrypt.Signature("token", "1714037059", "486452656", "ENC");
        Assert.True(WeChatMessageCrypt.IsValidSignature("token", "1714037059", "486452656", "ENC", sig.ToUpperInvariant()));
        Assert.False(WeChatMessageCrypt.IsValidSignature("token", "1714037059", "486452656", "ENC2", sig));
        Assert.True(WeChatMessageCrypt.IsValidKey(Key));
        Assert.False(WeChatMessageCrypt.IsValidKey(Key[..42]));
        Assert.False(WeChatMessageCrypt.IsValidKey(Key[..42] + "+"));
    }

    [Fact]
    public void NonceCache_RefusesAReplayWithinTenMinutes_ThenForgets()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new WeChatNonceCache(time);
        Assert.True(cache.TryAccept("n1", "100"));
        Assert.False(cache.TryAccept("n1", "100"));
        Assert.True(cache.TryAccept("n1", "101"));
        time.Advance(WeChatNonceCache.Keep);
        Assert.True(cache.TryAccept("n1", "100"));
    }

    [Theory]
    [InlineData(0, "published", true)]
    [InlineData(2, "originality-failed", false)]
    [InlineData(3, "publish-failed", false)]
    [InlineData(4, "review-rejected", false)]
    [InlineData(5, "deleted-after-publish", false)]
    [InlineData(6, "banned-after-publish", false)]
    [InlineData(9, "unknown-status", false)]
    public void PublishStatus_HasANameAndAChineseReason(int status, string name, bool counts)
    {
        var verdict = WeChatPublishVerdict.Of(status);
        Assert.Equal(name, verdict.Name);
        Assert.Equal(counts, verdict.Published);
        if (status > 1) Assert.Contains($"publish_status {status}", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("send success", true, "sent")]
    [InlineData("SEND_SUCCESS", true, "sent")]
    [InlineData("SENDING", null, "sending")]
    [InlineData("send fail", false, "mass-send-failed")]
    [InlineData("SEND_FAIL", false, "mass-send-failed")]
    [InlineData("DELETE", false, "mass-send-deleted")]
    [InlineData("err(20001)", false, "mass-send-rejected")]
    public void MassStatus_Meaning(string status, bool? success, string name)
    {
        var meaning = WeChatDigestVerdict.Meaning(status);
        Assert.Equal(success, meaning.Success);
        Assert.Equal(name, meaning.Name);
        if (status == "err(20001)") Assert.Contains("涉嫌政治", meaning.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45003, true)]
    [InlineData(45004, true)]
    [InlineData(45110, true)]
    [InlineData(45002, true)]
    [InlineData(44003, true)]
    [InlineData(-1, false)]
    [InlineData(45009, false)]
    public void ContentRefusals_ArePermanent(int code, bool permanent)
    {
        var e = new WeChatApiException("draft/add", code, "x");
        Assert.Equal(permanent, e.IsPermanent);
        Assert.Equal(permanent, e.IsContentRefusal);
        Assert.Equal(!permanent && e.Window is null, WeChatPublisher.IsTransient(e));
    }
}
