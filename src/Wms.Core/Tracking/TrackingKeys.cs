using System.Text.RegularExpressions;

namespace Wms.Core.Tracking;

/// <summary>
/// MLflow's rule for metric, param and tag names (letters, digits, _ - . space /, at most 250
/// characters, no '..'), checked on both backends so both reject the same names with the same words.
/// </summary>
internal static partial class TrackingKeys
{
    public const int MaxLength = 250;

    public static void Validate(string kind, string key)
    {
        if (string.IsNullOrEmpty(key))
            throw new WmsException($"a {kind} name must not be empty");
        if (key.Length > MaxLength)
            throw new WmsException($"{kind} name '{key[..40]}...' is longer than {MaxLength} characters");
        if (!Allowed().IsMatch(key) || key.Contains("..", StringComparison.Ordinal) || key.StartsWith('/'))
            throw new WmsException($"invalid {kind} name '{key}': use letters, digits, '_', '-', '.', ' ' and '/' (no '..', no leading '/')");
    }

    [GeneratedRegex(@"^[\w.\- /]+$")]
    private static partial Regex Allowed();
}
