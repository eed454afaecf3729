using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Wms.Cli.Commands.Infra;

/// <summary>Parses durations as people write them: 90s, 15m, 3h, 1h30m, 2d, or 01:30:00.</summary>
public static partial class Durations
{
    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")]
    private static partial Regex Units();

    public static bool TryParse(string text, out TimeSpan value)
    {
        var match = Units().Match(text.Trim());
        if (match.Success && text.Trim().Length > 0)
        {
            int Part(int i) => match.Groups[i].Success ? int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
            value = new TimeSpan(Part(1), Part(2), Part(3), Part(4));
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    public static TimeSpan Parse(ArgumentResult result) => ParseOptional(result) ?? TimeSpan.Zero;

    public static TimeSpan? ParseOptional(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var value) && value > TimeSpan.Zero)
            return value;
        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "duration"} '{text}' is not a duration: use e.g. 90s, 15m, 3h, 1h30m or 01:30:00");
        return null;
    }
}
