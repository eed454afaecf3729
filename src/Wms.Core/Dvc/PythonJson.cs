using System.Text;

namespace Wms.Core.Dvc;

/// <summary>
/// The bits of Python's <c>json.dumps</c> (defaults: <c>ensure_ascii=True</c>, separators
/// <c>", "</c> and <c>": "</c>) that a DVC <c>.dir</c> manifest needs. System.Text.Json cannot
/// produce these bytes: it escapes <c>&lt;&gt;&amp;'+</c>, writes uppercase hex and no spaces.
/// </summary>
public static class PythonJson
{
    /// <summary>Appends <paramref name="value"/> as a quoted JSON string, escaped as Python does.</summary>
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                // C# chars are UTF-16 code units, so a non-BMP character is already the surrogate
                // pair Python writes (\ud83d\ude00).
                case < ' ' or > '~':
                    output.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }

    /// <summary><paramref name="value"/> as a quoted JSON string, escaped as Python does.</summary>
    public static string QuoteString(string value)
    {
        var output = new StringBuilder(value.Length + 2);
        WriteString(output, value);
        return output.ToString();
    }
}
