using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Wms.Core;

namespace Wms.Training.Data;

/// <summary>
/// Which stems are for training, validation and test. Each stem's place in a seeded order comes
/// from a hash of the seed and the stem alone, so the split depends only on the seed and the set
/// of stems (not on file order, the runtime or the machine), and the three parts are disjoint.
/// Each part is sorted by stem.
/// </summary>
public sealed record DatasetSplit(IReadOnlyList<string> Train, IReadOnlyList<string> Validation, IReadOnlyList<string> Test)
{
    public static DatasetSplit Create(IEnumerable<string> stems, SplitRatios ratios, int seed)
    {
        var unique = stems.Distinct(StringComparer.Ordinal).ToList();
        var n = unique.Count;
        var testCount = Count(n, ratios.Test);
        var valCount = Count(n, ratios.Validation);
        if (n - testCount - valCount < 1 || (ratios.Test > 0 && testCount < 1) || (ratios.Validation > 0 && valCount < 1))
            throw new WmsException($"{n} pairs are too few to split {ratios.Train:0.##}/{ratios.Validation:0.##}/{ratios.Test:0.##} with at least one in each part", WmsErrorKind.DataInvalid);

        var ordered = unique.OrderBy(s => Rank(seed, s)).ThenBy(s => s, StringComparer.Ordinal).ToList();
        return new DatasetSplit(
            Sorted(ordered.Skip(testCount + valCount)),
            Sorted(ordered.Skip(testCount).Take(valCount)),
            Sorted(ordered.Take(testCount)));
    }

    /// <summary>At least one per non-empty share when there are enough pairs.</summary>
    private static int Count(int n, double ratio) =>
        ratio <= 0 ? 0 : Math.Max(1, (int)Math.Round(n * ratio, MidpointRounding.AwayFromZero));

    private static UInt128 Rank(int seed, string stem)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{stem}"));
        return new UInt128(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan(8)));
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> stems) => stems.Order(StringComparer.Ordinal).ToList();
}
