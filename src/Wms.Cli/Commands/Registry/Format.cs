using System.Globalization;
using Spectre.Console;

namespace Wms.Cli.Commands.Registry;

/// <summary>How numbers and times look in tables (JSON keeps full precision).</summary>
internal static class Format
{
    public static string Score(double? value) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "NaN",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";

    public static string List(IEnumerable<string> items) => string.Join(", ", items) is { Length: > 0 } text ? text : "-";

    public static string Escape(string? text) => Markup.Escape(text ?? "-");

    /// <summary>A two-column table of fields, for `show` commands.</summary>
    public static Table Fields(params (string Name, string? Value)[] rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        foreach (var (name, value) in rows) table.AddRow(Markup.Escape(name), Escape(value));
        return table;
    }
}
