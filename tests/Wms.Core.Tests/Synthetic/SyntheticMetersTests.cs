using Wms.Core.Synthetic;
using Xunit;

namespace Wms.Core.Tests.Synthetic;

public sealed class SyntheticMetersTests
{
    private static readonly SyntheticOptions Small = new() { MinSize = 160, MaxSize = 320 };

    [Fact]
    public void The_same_seed_and_index_give_identical_bytes()
    {
        var a = SyntheticMeters.Render(3, 5, Small);
        var b = SyntheticMeters.Render(3, 5, Small);
        Assert.Equal(a.EncodePhoto(), b.EncodePhoto());
        Assert.Equal(a.EncodeMask(), b.EncodeMask());
        Assert.Equal(a.Stem, b.Stem);
    }

    [Fact]
    public void Another_seed_or_index_gives_another_photo()
    {
        var photo = SyntheticMeters.Render(3, 5, Small).EncodePhoto();
        Assert.NotEqual(photo, SyntheticMeters.Render(4, 5, Small).EncodePhoto());
        Assert.NotEqual(photo, SyntheticMeters.Render(3, 6, Small).EncodePhoto());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_mask_is_binary_and_exactly_the_window(int index)
    {
        var sample = SyntheticMeters.Render(11, index, Small);
        Assert.False(sample.Mislabeled);
        Assert.Equal((sample.Photo.Width, sample.Photo.Height), (sample.Mask.Width, sample.Mask.Height));
        Assert.All(sample.Mask.Pixels, p => Assert.True(p is 0 or 255, $"mask value {p}"));

        // Every pixel whose centre is clearly inside the window is foreground, every one clearly outside is not.
        var w = sample.Mask.Width;
        var wrong = 0;
        for (var y = 0; y < sample.Mask.Height; y++)
            for (var x = 0; x < w; x++)
            {
                var inside = Quad.Inside(sample.Window, x + 0.5, y + 0.5);
                var value = sample.Mask.Pixels[y * w + x];
                if ((inside > 0.01 && value != 255) || (inside < -0.01 && value != 0)) wrong++;
            }
        Assert.Equal(0, wrong);

        var count = sample.Mask.Pixels.Count(p => p == 255);
        var area = Math.Abs(Quad.Area(sample.Window));
        Assert.InRange(count, area - Quad.Perimeter(sample.Window) / 2 - 2, area + Quad.Perimeter(sample.Window) / 2 + 2);
        Assert.True(area > 0.002 * w * sample.Mask.Height, $"window of {area:F0} px is too small to learn");
    }

    [Fact]
    public void Photo_sizes_vary_within_the_options()
    {
        var options = new SyntheticOptions { MinSize = 100, MaxSize = 200 };
        var sizes = Enumerable.Range(0, 12).Select(i => SyntheticMeters.Render(1, i, options).Photo).Select(p => (p.Width, p.Height)).ToList();
        Assert.All(sizes, s => Assert.InRange(Math.Max(s.Width, s.Height), 100, 200));
        Assert.All(sizes, s => Assert.InRange(Math.Min(s.Width, s.Height), 64, 200));
        Assert.True(sizes.Distinct().Count() > 6, "sizes should vary");
        Assert.Contains(sizes, s => s.Width > s.Height);
        Assert.Contains(sizes, s => s.Width < s.Height);
    }

    [Fact]
    public void Mislabeled_samples_keep_the_photo_and_move_the_mask_off_the_window()
    {
        var bad = new SyntheticOptions { MinSize = 160, MaxSize = 320, MislabeledFraction = 1 };
        for (var i = 0; i < 4; i++)
        {
            var good = SyntheticMeters.Render(2, i, Small);
            var wrong = SyntheticMeters.Render(2, i, bad);
            Assert.True(wrong.Mislabeled);
            Assert.Equal(good.EncodePhoto(), wrong.EncodePhoto());
            var onWindow = 0;
            for (var k = 0; k < wrong.Mask.Pixels.Length; k++)
                if (wrong.Mask.Pixels[k] == 255 && good.Mask.Pixels[k] == 255) onWindow++;
            Assert.Equal(0, onWindow);
            var share = wrong.Mask.Pixels.Count(p => p == 255) / (double)good.Mask.Pixels.Count(p => p == 255);
            Assert.InRange(share, 0.8, 1.25);
        }
    }

    [Fact]
    public void A_partial_mislabeled_fraction_mislabels_about_that_share()
    {
        var options = new SyntheticOptions { MinSize = 64, MaxSize = 96, MislabeledFraction = 0.3 };
        var count = Enumerable.Range(0, 60).Count(i => SyntheticMeters.Render(9, i, options).Mislabeled);
        Assert.InRange(count, 8, 30);
    }

    [Fact]
    public void The_noise_level_degrades_the_same_scene()
    {
        var clean = SyntheticMeters.Render(4, 1, Small with { NoiseLevel = 0 });
        var harsh = SyntheticMeters.Render(4, 1, Small with { NoiseLevel = 3 });
        Assert.Equal(clean.Mask.Pixels, harsh.Mask.Pixels);
        Assert.Equal(clean.Reading, harsh.Reading);
        Assert.True(Roughness(harsh.Photo.Pixels, harsh.Photo.Width) > Roughness(clean.Photo.Pixels, clean.Photo.Width) * 1.5,
            "noise level 3 should add pixel-to-pixel noise");
        Assert.True(harsh.JpegQuality < clean.JpegQuality);
    }

    [Theory]
    [InlineData(63, 100, 1.0, 0.0, "min-size")]
    [InlineData(300, 200, 1.0, 0.0, "max-size")]
    [InlineData(100, 200, -1.0, 0.0, "noise")]
    [InlineData(100, 200, 1.0, 1.5, "mislabeled")]
    public void Bad_options_are_refused_naming_the_field(int min, int max, double noise, double mislabeled, string field)
    {
        var options = new SyntheticOptions { MinSize = min, MaxSize = max, NoiseLevel = noise, MislabeledFraction = mislabeled };
        var error = Assert.Throws<WmsException>(() => SyntheticMeters.Render(1, 0, options));
        Assert.StartsWith(field + ":", error.Message);
    }

    /// <summary>Mean absolute difference between horizontal neighbours.</summary>
    private static double Roughness(byte[] rgb, int width)
    {
        long sum = 0;
        var n = 0;
        for (var i = 3; i < rgb.Length; i++)
        {
            if (i / 3 % width == 0) continue;
            sum += Math.Abs(rgb[i] - rgb[i - 3]);
            n++;
        }
        return (double)sum / n;
    }
}
