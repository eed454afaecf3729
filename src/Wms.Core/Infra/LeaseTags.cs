using System.Globalization;
using System.Text.RegularExpressions;

namespace Wms.Core.Infra;

/// <summary>
/// Leases live on the instance as tags <c>wms-lease:&lt;id&gt;</c> = expiry (ISO 8601, UTC), so
/// every run sees every other run's claim without a separate lock service.
/// </summary>
public static partial class LeaseTags
{
    public const string Prefix = "wms-lease:";

    /// <summary>EC2 tag keys allow letters, digits and <c>+-=._:/@</c> up to 128 characters; ids stay well inside.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]
    private static partial Regex IdPattern();

    public static string KeyFor(string leaseId)
    {
        if (!IdPattern().IsMatch(leaseId))
            throw new WmsException($"--lease '{leaseId}' is not a valid lease id: use 1-100 letters, digits, '.', '_', '-' or '@' (e.g. the GitHub run id)");
        return Prefix + leaseId;
    }

    public static string FormatExpiry(DateTimeOffset expiresAt) =>
        expiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The leases among <paramref name="tags"/>. A lease tag whose value is not a timestamp (edited
    /// by hand, say) counts as expired, so it can never keep the machine running forever.
    /// </summary>
    public static IReadOnlyList<Lease> Read(IReadOnlyDictionary<string, string> tags) =>
    [
        .. tags.Where(t => t.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(t => new Lease(t.Key[Prefix.Length..], ParseExpiry(t.Value)))
            .OrderBy(l => l.Id, StringComparer.Ordinal),
    ];

    private static DateTimeOffset ParseExpiry(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : DateTimeOffset.MinValue;
}
