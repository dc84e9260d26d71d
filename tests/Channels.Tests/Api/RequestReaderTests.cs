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
    [InlineData("{\"id\": \"a\", \"id\": \"../b\"}", "id")]
    [InlineData("{\"approval\": {\"approver\": \"张伟\", \"approver\": \"李明\"}}", "approval.approver")]
    public async Task ReadItemAsync_BadJson_400NamingTheField(string body, string field)
    {
        var r = await Read(body);
        Assert.Null(r.Item);
        Assert.Equal(400, r.Status);
        Assert.Equal(field, r.Field);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonp")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/json")]
    public async Task ReadItemAsync_NotUtf8Json_415(string contentType) => Assert.Equal(415, (await Read("{\"id\": \"a\"}", contentType)).Status);

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task ReadItemAsync_Utf8Json_Read(string contentType) => Assert.Equal(200, (await Read("{\"id\": \"a\"}", contentType)).Status);

    [Fact]
    public async Task ReadItemAsync_OverLimitWithoutContentLength_413WithoutReadingOn()
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.ContentType = "application/json";
        var body = new MemoryStream(new byte[3 * RequestReader.MaxBodyBytes]);
        ctx.Request.Body = body;

        var r = await RequestReader.ReadItemAsync(ctx.Request, CancellationToken.None);

        Assert.Equal(413, r.Status);
        Assert.True(body.Position < 2 * RequestReader.MaxBodyBytes);
    }

    [Fact]
    public async Task ReadItemAsync_OffsetDate_Parsed()
    {
        var r = await Read("{\"id\": \"a\", \"publishAt\": \"2017-03-01T09:00:00+08:00\"}");
        Assert.Equal(new DateTimeOffset(2017, 3, 1, 1, 0, 0, TimeSpan.Zero), r.Item!.PublishAt);
    }
}
