using System.Text.RegularExpressions;

namespace Wms.Core.Dvc;

/// <summary>Formats a string as ruamel.yaml dumps it: plain when it reads back as the same string, else single-quoted.</summary>
public static partial class YamlScalar
{
    public static string Format(string value) => NeedsQuotes(value) ? Quote(value) : value;

    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || value != value.Trim()
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
        || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':')
        || value.Any(c => char.IsControl(c))
        || NonString().IsMatch(value);

    // Plain scalars YAML would read as null, a bool or a number.
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex NonString();
}
