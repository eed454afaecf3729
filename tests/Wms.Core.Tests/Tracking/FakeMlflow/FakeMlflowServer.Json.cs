using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed partial class FakeMlflowServer
{
    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static FakeMlflowError Missing(string key) =>
        new(400, "INVALID_PARAMETER_VALUE", $"Missing value for required parameter '{key}'. See the API docs for more information about request parameters.");

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    private static string Required(JsonObject args, string key) =>
        Text(args[key]) is { Length: > 0 } value ? value : throw Missing(key);

    private static string? Optional(JsonObject args, string key) => Text(args[key]);

    /// <summary>proto3 JSON: int64 as a number or a string.</summary>
    private static long Long(JsonNode? node, string key) =>
        long.TryParse(Text(node) ?? throw Missing(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", $"Invalid value for parameter '{key}': not an integer");

    /// <summary>A double as a number or "NaN"/"Infinity"/"-Infinity"; the SQL store clamps infinities.</summary>
    private static double Double(JsonNode? node, string key)
    {
        var text = Text(node) ?? throw Missing(key);
        var value = text switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return double.IsPositiveInfinity(value) ? double.MaxValue : double.IsNegativeInfinity(value) ? double.MinValue : value;
    }

    private static bool Bool(JsonNode? node) => Text(node) is "true" or "True";

    /// <summary>NaN goes out as the string "NaN", as the recorded server sent it.</summary>
    private static JsonNode DoubleJson(double value) => double.IsNaN(value) ? JsonValue.Create("NaN") : JsonValue.Create(value);

    private static JsonArray TagsJson(IEnumerable<KeyValuePair<string, string>> tags) =>
        new(tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());

    private static IEnumerable<(string Key, string Value)> Pairs(JsonNode? array) =>
        (array as JsonArray ?? []).OfType<JsonObject>().Select(o => (Required(o, "key"), Text(o["value"]) ?? ""));

    private static string PageToken(int offset) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"offset\": {offset}}}"));

    private static int Offset(string? token) =>
        token is { Length: > 0 } ? JsonNode.Parse(Convert.FromBase64String(token))!["offset"]!.GetValue<int>() : 0;

    private static void Page<T>(JsonObject response, string key, IReadOnlyList<T> items, JsonObject args, int defaultMax, Func<T, JsonNode> map)
    {
        var offset = Offset(Optional(args, "page_token"));
        var max = Optional(args, "max_results") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : defaultMax;
        var page = items.Skip(offset).Take(max).Select(map).ToArray();
        if (page.Length > 0) response[key] = new JsonArray(page);
        if (offset + page.Length < items.Count) response["next_page_token"] = PageToken(offset + page.Length);
    }
}
