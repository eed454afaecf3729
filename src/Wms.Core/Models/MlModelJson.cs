using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wms.Core.Models;

/// <summary>
/// An <c>MLmodel</c> file as the JSON object MLflow's <c>runs/log-model</c> takes (what
/// <c>Model.to_json()</c> sends): mappings become objects, plain <c>null</c>/<c>true</c>/numbers
/// become JSON values, quoted scalars stay strings.
/// </summary>
public static class MlModelJson
{
    /// <summary>Reads the file and returns its JSON text. InvalidInput when it is not YAML.</summary>
    public static string FromFile(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new WmsException($"{path}: not a valid MLmodel file ({e.Message})");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new WmsException($"{path}: empty MLmodel file");
        return Convert(root)!.ToJsonString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "null" or "~" or "") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        return JsonValue.Create(text);
    }
}
