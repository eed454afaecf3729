using Wms.Core.Quality;
using Xunit;

namespace Wms.Core.Tests.Quality;

public sealed class HausdorffDistanceTests
{
    [Fact]
    public void Two_single_pixels_are_their_euclidean_distance_apart()
    {
        var a = Mask(10, 10, (0, 0));
        var b = Mask(10, 10, (4, 3)); // row 4, column 3
        Assert.Equal(5.0, HausdorffDistance.Compute(a, b, 10, 10), 12);
    }

    [Fact]
    public void It_is_symmetric_and_takes_the_larger_directed_distance()
    {
        // From a: (0, 9) is 9 away from b's only pixel; from b: 0. The result is 9 both ways.
        var a = Mask(10, 10, (0, 0), (0, 9));
        var b = Mask(10, 10, (0, 0));
        Assert.Equal(9.0, HausdorffDistance.Compute(a, b, 10, 10), 12);
        Assert.Equal(9.0, HausdorffDistance.Compute(b, a, 10, 10), 12);
    }

    [Fact]
    public void The_farthest_point_may_lie_inside_a_region_not_on_its_edge()
    {
        // b is a ring of radius ~6 around (10, 10); a is a filled disc at the ring's centre.
        // The pixel of a farthest from b is the centre, in a's interior.
        const int n = 21;
        var a = new byte[n * n];
        var b = new byte[n * n];
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
            {
                var r = Math.Sqrt((y - 10) * (y - 10) + (x - 10) * (x - 10));
                if (r <= 3) a[y * n + x] = 1;
                if (r is >= 6 and < 7) b[y * n + x] = 1;
            }
        Assert.Equal(BruteForce(a, b, n, n), HausdorffDistance.Compute(a, b, n, n), 12);
        Assert.Equal(6.0, HausdorffDistance.Compute(a, b, n, n), 12);
    }

    [Fact]
    public void It_matches_a_point_to_point_search_on_random_masks()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 40; trial++)
        {
            var (w, h) = (random.Next(1, 40), random.Next(1, 40));
            var density = random.NextDouble() * 0.3;
            var a = RandomMask(random, w * h, density);
            var b = RandomMask(random, w * h, density / 2);
            var expected = BruteForce(a, b, w, h);
            Assert.Equal(expected, HausdorffDistance.Compute(a, b, w, h), 9);
        }
    }

    [Fact]
    public void Empty_masks_give_zero_or_the_diagonal()
    {
        var empty = new byte[6 * 8];
        Assert.Equal(0, HausdorffDistance.Compute(empty, empty, 6, 8));
        Assert.Equal(10.0, HausdorffDistance.Compute(empty, Mask(6, 8, (2, 2)), 6, 8), 12);
        Assert.Equal(10.0, HausdorffDistance.Compute(Mask(6, 8, (2, 2)), empty, 6, 8), 12);
    }

    private static byte[] Mask(int width, int height, params (int Row, int Column)[] pixels)
    {
        var mask = new byte[width * height];
        foreach (var (r, c) in pixels) mask[r * width + c] = 1;
        return mask;
    }

    private static byte[] RandomMask(Random random, int n, double density)
    {
        var mask = new byte[n];
        for (var i = 0; i < n; i++) mask[i] = random.NextDouble() < density ? (byte)1 : (byte)0;
        return mask;
    }

    private static double BruteForce(byte[] a, byte[] b, int w, int h)
    {
        var pa = Points(a, w);
        var pb = Points(b, w);
        if (pa.Count == 0 && pb.Count == 0) return 0;
        if (pa.Count == 0 || pb.Count == 0) return Math.Sqrt(w * w + h * h);
        return Math.Max(Directed(pa, pb), Directed(pb, pa));
    }

    private static double Directed(List<(int, int)> from, List<(int, int)> to) =>
        from.Max(p => to.Min(q => Math.Sqrt((p.Item1 - q.Item1) * (p.Item1 - q.Item1) + (p.Item2 - q.Item2) * (p.Item2 - q.Item2))));

    private static List<(int, int)> Points(byte[] mask, int w) =>
        Enumerable.Range(0, mask.Length).Where(i => mask[i] != 0).Select(i => (i / w, i % w)).ToList();
}
