namespace Channels.IntegrationTests.Preview;

/// <summary>
/// The shared host's settings on an Azurite and host of their own: the preview tests compare the whole storage and the
/// sandbox journal before and after, which only holds when no other test is publishing on the same storage meanwhile.
/// </summary>
public sealed class PreviewHost : ChannelsHost;

[CollectionDefinition(Name)]
public sealed class PreviewCollection : ICollectionFixture<PreviewHost>
{
    public const string Name = "preview";
}

/// <summary>
/// Another host of the same settings for the tests that compare everything before and after a preview: nothing is ever
/// published on it, so no background work (SMS receipt pulls, WeChat pushes) writes while they look.
/// </summary>
public sealed class QuietPreviewHost : ChannelsHost;

/// <summary>Run alone (after the parallel collections): a test proving "no platform call, no write" must not share its moment with others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuietPreviewCollection : ICollectionFixture<QuietPreviewHost>
{
    public const string Name = "preview-quiet";
}
