using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wms.Deploy.Tests;

/// <summary>
/// YAML documents as <see cref="JsonNode"/>s, so tests navigate manifests and workflows with
/// indexers. Plain scalars that read as numbers or booleans become those; quoted ones stay strings.
/// Keys stay text: GitHub's <c>on:</c> is the key "on", never a boolean.
/// </summary>
public static class Yaml
{
    public static IReadOnlyList<JsonNode> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonNode>()];
    }

    public static JsonNode Load(string text) => LoadAll(text).Single();

    public static JsonNode LoadFile(string path) => Load(File.ReadAllText(path));

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var small)) return JsonValue.Create(small);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit)) return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
