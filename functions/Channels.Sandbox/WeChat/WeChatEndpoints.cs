using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>Routes of the WeChat emulator: the real host's /cgi-bin paths under /wechat.</summary>
internal static class WeChatEndpoints
{
    public static void Map(WebApplication app)
    {
        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        var tokens = app.Services.GetRequiredService<WeChatTokenHandlers>();
        var material = app.Services.GetRequiredService<WeChatMaterialHandlers>();
        var drafts = app.Services.GetRequiredService<WeChatDraftHandlers>();
        var publish = app.Services.GetRequiredService<WeChatPublishHandlers>();
        var mass = app.Services.GetRequiredService<WeChatMassHandlers>();

        void Post(string api, Func<ApiCall, Task<ApiResult>> handler) =>
            app.MapPost("/wechat/cgi-bin/" + api, pipeline.For(ChannelNames.WeChat, api, handler));

        Post("stable_token", tokens.StableTokenAsync);
        app.MapGet("/wechat/cgi-bin/token", pipeline.For(ChannelNames.WeChat, "token", tokens.ClassicTokenAsync));
        Post("material/add_material", material.AddMaterialAsync);
        Post("media/uploadimg", material.UploadImgAsync);
        Post("draft/add", drafts.AddAsync);
        Post("draft/get", drafts.GetAsync);
        Post("draft/batchget", drafts.BatchGetAsync);
        Post("draft/count", drafts.CountAsync);
        Post("draft/delete", drafts.DeleteAsync);
        Post("freepublish/submit", publish.SubmitAsync);
        Post("freepublish/get", publish.GetAsync);
        Post("freepublish/batchget", publish.BatchGetAsync);
        Post("freepublish/getarticle", publish.GetArticleAsync);
        Post("freepublish/delete", publish.DeleteAsync);
        Post("message/mass/sendall", mass.SendAllAsync);
        Post("message/mass/get", mass.GetAsync);
        WeChatAdminEndpoints.Map(app);
    }
}
