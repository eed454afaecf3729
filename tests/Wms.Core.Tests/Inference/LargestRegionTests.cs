using Wms.Core.Inference;
using Xunit;

namespace Wms.Core.Tests.Inference;

public sealed class LargestRegionTests
{
    /// <summary>A mask from rows of '#' (255) and '.' (0).</summary>
    private static (byte[] Mask, int Width, int Height) Mask(params string[] rows) =>
        (rows.SelectMany(r => r.Select(c => c == '#' ? (byte)255 : (byte)0)).ToArray(), rows[0].Length, rows.Length);

    private static string[] Rows(byte[] mask, int width) =>
        mask.Chunk(width).Select(row => new string(row.Select(p => p == 0 ? '.' : '#').ToArray())).ToArray();

    [Fact]
    public void Only_the_largest_region_stays_with_its_values()
    {
        var (mask, w, h) = Mask(
            "##....#",
            "##.....",
            "....###",
            "....###");

        LargestRegion.Keep(mask, w, h);

        Assert.Equal([".......", ".......", "....###", "....###"], Rows(mask, w));
        Assert.All(mask, p => Assert.True(p is 0 or 255));
    }

    [Fact]
    public void Diagonal_neighbours_belong_to_one_region()
    {
        // The diagonal (5 pixels, 8-connected) outweighs the 2x2 block (4 pixels).
        var (mask, w, h) = Mask(
            "#......",
            ".#...##",
            "..#..##",
            "...#...",
            "....#..");

        LargestRegion.Keep(mask, w, h);

        Assert.Equal(["#......", ".#.....", "..#....", "...#...", "....#.."], Rows(mask, w));
    }

    [Fact]
    public void Of_equal_regions_the_first_in_reading_order_stays()
    {
        var (mask, w, h) = Mask(
            "...##",
            "##...",
            ".....");

        LargestRegion.Keep(mask, w, h);

        Assert.Equal(["...##", ".....", "....."], Rows(mask, w));
    }

    [Fact]
    public void Empty_and_single_region_masks_are_unchanged()
    {
        var (empty, w, h) = Mask("....", "....");
        LargestRegion.Keep(empty, w, h);
        Assert.All(empty, p => Assert.Equal(0, p));

        var (one, w1, h1) = Mask(".##.", "####", ".#..");
        var before = one.ToArray();
        LargestRegion.Keep(one, w1, h1);
        Assert.Equal(before, one);
    }

    [Fact]
    public void None_leaves_every_region()
    {
        var (mask, w, _) = Mask("#.#", "...", "#.#");
        var before = mask.ToArray();

        LargestRegion.Apply(MaskPostprocess.None, mask, w);

        Assert.Equal(before, mask);
    }

    [Fact]
    public void A_whole_512_mask_of_stripes_keeps_one_stripe()
    {
        const int size = 512;
        var mask = new byte[size * size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                mask[y * size + x] = x % 4 == 0 ? (byte)1 : (byte)0;

        LargestRegion.Apply(MaskPostprocess.LargestRegion, mask, size);

        Assert.Equal(size, mask.Count(p => p != 0));
        Assert.All(Enumerable.Range(0, size), y => Assert.Equal(1, mask[y * size]));
    }

    [Theory]
    [InlineData("none", MaskPostprocess.None)]
    [InlineData("largest_region", MaskPostprocess.LargestRegion)]
    [InlineData(" Largest_Region ", MaskPostprocess.LargestRegion)]
    public void Names_parse(string name, MaskPostprocess expected)
    {
        Assert.Equal(expected, MaskPostprocessNames.Parse(name));
        Assert.Equal(name.Trim().ToLowerInvariant(), MaskPostprocessNames.Of(expected));
    }

    [Fact]
    public void An_unknown_name_parses_to_nothing() => Assert.Null(MaskPostprocessNames.Parse("biggest"));
}
