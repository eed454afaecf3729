using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Wms.Core;

namespace Wms.Training.Configuration;

/// <summary>Reads one typed value from a YAML node, failing with the file, the key and the line.</summary>
internal readonly record struct ConfigValue(string File, string Key)
{
    public ConfigValue Child(string key) => this with { Key = Key.Length == 0 ? key : Key + "." + key };

    public int Int(YamlNode node)
    {
        var text = Scalar(node, "an integer");
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(node, $"expected an integer, got {Show(text)}");
    }

    public double Double(YamlNode node)
    {
        var text = Scalar(node, "a number");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Fail(node, $"expected a number, got {Show(text)}");
    }

    /// <param name="alsoAllowed">A word the caller handles itself (named in the error), or null.</param>
    public bool Bool(YamlNode node, string? alsoAllowed = null)
    {
        var expected = alsoAllowed is null ? "true or false" : $"true, false or {alsoAllowed}";
        var text = Scalar(node, expected);
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Fail(node, $"expected {expected}, got {Show(text)}"),
        };
    }

    /// <summary>One of the names in <paramref name="choices"/> (exact spelling).</summary>
    public T Choice<T>(YamlNode node, IReadOnlyDictionary<string, T> choices)
    {
        var text = Scalar(node, "one of " + string.Join(", ", choices.Keys));
        return choices.TryGetValue(text, out var value)
            ? value
            : throw Fail(node, $"expected one of {string.Join(", ", choices.Keys)}, got {Show(text)}");
    }

    public string String(YamlNode node) => node is YamlScalarNode { Value: { } text }
        ? text
        : throw Fail(node, "expected a text value");

    public WmsException Fail(YamlNode node, string problem) =>
        new($"{File}: {Key}: {problem} (line {node.Start.Line})");

    /// <summary>A plain (unquoted) scalar: a quoted "50" is text in YAML, and the original would have choked on it.</summary>
    private string Scalar(YamlNode node, string what) => node switch
    {
        YamlScalarNode { Value: null or "" or "~" or "null" } => throw Fail(node, $"expected {what}, but the value is empty"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } => text,
        YamlScalarNode { Value: { } text } => throw Fail(node, $"expected {what}, got the text {Show(text)} (remove the quotes)"),
        YamlSequenceNode => throw Fail(node, $"expected {what}, got a list"),
        _ => throw Fail(node, $"expected {what}, got a mapping"),
    };

    private static string Show(string text) => "\"" + (text.Length > 40 ? text[..40] + "..." : text) + "\"";
}
