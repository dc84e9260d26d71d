using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Seeds;

/// <summary>Datasets are JSON Lines: one v1 item per line, exactly what POST /api/publications takes.</summary>
public static class DatasetFile
{
    public static async Task<int> WriteAsync(string path, IEnumerable<PublicationItem> items)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        var count = 0;
        foreach (var item in items)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(item, ChannelsJson.Options));
            count++;
        }

        return count;
    }

    public static IEnumerable<PublicationItem> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<PublicationItem>(l, ChannelsJson.Options)!);
}
