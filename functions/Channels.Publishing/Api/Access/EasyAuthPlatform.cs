namespace Channels.Publishing.Api.Access;

/// <summary>
/// Whether the hosting platform runs App Service authentication ("Easy Auth") in front of the app. Only then does the
/// platform strip a client's own X-MS-CLIENT-PRINCIPAL header and set its own, so only then may the header be trusted.
/// App Service and Functions set the environment variable WEBSITE_AUTH_ENABLED=True in the app's process when
/// authentication is on (https://learn.microsoft.com/azure/app-service/reference-app-settings#authentication--authorization),
/// and WEBSITE_SITE_NAME on every site, so a laptop that merely sets the first variable is not mistaken for the platform.
/// The local host registers <see cref="Off"/>: it never trusts the header.
/// </summary>
public sealed class EasyAuthPlatform(bool enabled)
{
    public static readonly EasyAuthPlatform Off = new(false);

    public bool Enabled { get; } = enabled;

    public static EasyAuthPlatform FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static EasyAuthPlatform From(Func<string, string?> environment) =>
        new(string.Equals(environment("WEBSITE_AUTH_ENABLED"), "true", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrEmpty(environment("WEBSITE_SITE_NAME")));
}
