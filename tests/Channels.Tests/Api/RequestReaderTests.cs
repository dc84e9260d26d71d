using System.Text;
using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;

namespace Channels.Tests.Api;

public class RequestReaderTests
{
    static Task<RequestReader.Result> Read(string body, string contentType = "application/json")
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.ContentType = contentType;
        ctx.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return RequestReader.ReadItemAsync(ctx.Request, CancellationToken.None);
    }

    [Theory]
    [InlineData("{\"id\": \"a\",", "body")]
    [InlineData("{\"id\": 5}", "id")]
    [InlineData("{\"id\": \"a\", \"publishAt\": \"2017-03-01T09:00:00\"}", "publishAt")]
    [InlineData("{\"id\": \"a\", \"publishAt\": \"yesterday\"}", "publishAt")]
    [InlineData("{\"id\": \"a\", \"channels\": \"website\"}", "channels")]
    [InlineData("{\"title\": null}", "title")]
    [InlineData("null", "body")]
    public async Task ReadItemAsync_BadJson_400NamingTheField(string body, string field)
    {
        var r = await Read(body);
        Assert.Null(r.Item);
        Assert.Equal(400, r.Status);
        Assert.Equal(field, r.Field);
    }

    [Fact]
    public async Task ReadItemAsync_NotJson_415() => Assert.Equal(415, (await Read("id=a", "application/x-www-form-urlencoded")).Status);

    [Fact]
    public async Task ReadItemAsync_OffsetDate_Parsed()
    {
        var r = await Read("{\"id\": \"a\", \"publishAt\": \"2017-03-01T09:00:00+08:00\"}");
        Assert.Equal(new DateTimeOffset(2017, 3, 1, 1, 0, 0, TimeSpan.Zero), r.Item!.PublishAt);
    }
}
