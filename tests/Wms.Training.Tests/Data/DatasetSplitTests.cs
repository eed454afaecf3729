using Wms.Core;
using Wms.Training.Data;
using Xunit;

namespace Wms.Training.Tests.Data;

public sealed class DatasetSplitTests
{
    private static readonly string[] Stems = Enumerable.Range(0, 100).Select(i => $"id_{i}_value_{i * 7 % 13}").ToArray();

    [Fact]
    public void The_parts_are_disjoint_cover_every_stem_and_have_the_ratios_sizes()
    {
        var split = DatasetSplit.Create(Stems, SplitRatios.Default, seed: 42);
        Assert.Equal((80, 10, 10), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(Stems.Order(StringComparer.Ordinal), split.Train.Concat(split.Validation).Concat(split.Test).Order(StringComparer.Ordinal));
        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Empty(split.Validation.Intersect(split.Test));
    }

    [Fact]
    public void Same_seed_and_stems_give_the_same_split_whatever_their_order()
    {
        var a = DatasetSplit.Create(Stems, SplitRatios.Default, 7);
        var b = DatasetSplit.Create(Stems.Reverse(), SplitRatios.Default, 7);
        var c = DatasetSplit.Create(Stems.OrderBy(s => s.GetHashCode()).Concat(Stems.Take(3)), SplitRatios.Default, 7);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Test, c.Test);
    }

    [Fact]
    public void A_different_seed_gives_a_different_split()
    {
        var a = DatasetSplit.Create(Stems, SplitRatios.Default, 1);
        var b = DatasetSplit.Create(Stems, SplitRatios.Default, 2);
        Assert.NotEqual(a.Test, b.Test);
    }

    [Fact]
    public void The_split_is_pinned_so_it_never_changes_between_versions()
    {
        // Reproducibility across .NET versions and machines: the gate compares runs on the same test photos.
        var split = DatasetSplit.Create(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], SplitRatios.Default, 42);
        // Expected: the stems ordered by SHA-256("42\n" + stem), computed independently (Python hashlib).
        Assert.Equal(PinnedTest, Assert.Single(split.Test));
        Assert.Equal(PinnedValidation, Assert.Single(split.Validation));
    }

    private const string PinnedTest = "e";
    private const string PinnedValidation = "g";

    [Fact]
    public void Small_sets_still_get_one_pair_in_each_part_or_a_clear_error()
    {
        var split = DatasetSplit.Create(["a", "b", "c", "d", "e"], SplitRatios.Default, 3);
        Assert.Equal((3, 1, 1), (split.Train.Count, split.Validation.Count, split.Test.Count));
        var error = Assert.Throws<WmsException>(() => DatasetSplit.Create(["a", "b"], SplitRatios.Default, 3));
        Assert.Equal("2 pairs are too few to split 0.8/0.1/0.1 with at least one in each part", error.Message);
    }
}
