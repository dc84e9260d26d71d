using Channels.Publishing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Channels:Profile=sandbox (local.settings.example.json) fills in the sandbox's addresses and credentials; in Azure no
// profile is named, so every production setting is required (Channels.Publishing.Configuration.ProductionSettings).
Channels.Publishing.Configuration.SandboxProfile.Apply(builder.Configuration);
builder.UseMiddleware<Channels.FunctionApp.SecurityHeadersMiddleware>();
builder.Services.AddChannelsCore();

// No in-process rate limit here (the local host has one: Channels.Publishing.Api.Limits.ChannelsRateLimiter). In Azure
// request rates are limited in front of the app — Front Door WAF rate-limit rules or API Management rate-limit-by-key
// on client IP + x-api-key — with the Functions host's http.maxOutstandingRequests/maxConcurrentRequests as backstop.
builder.Build().Run();
