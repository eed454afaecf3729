using Wms.Core.Imaging;
using Wms.Tests.Shared;
using Wms.Training.Data;
using Xunit;

namespace Wms.Training.Tests.Data;

public sealed class AugmenterTests
{
    private static (RgbImage Photo, byte[] Mask) Sample(int w = 33, int h = 33, int seed = 3)
    {
        var (photo, mask) = TestImages.Scene(w, h, seed);
        return (photo, Preprocessing.Binarize(mask.Pixels));
    }

    [Fact]
    public void Flips_mirror_photo_and_mask_exactly()
    {
        var (photo, mask) = Sample(7, 5);
        var (h, hm) = Augmenter.Geometry(photo, mask, new Augmenter.Draw(true, false, 0, 1));
        var (v, vm) = Augmenter.Geometry(photo, mask, new Augmenter.Draw(false, true, 0, 1));
        for (var y = 0; y < 5; y++)
            for (var x = 0; x < 7; x++)
            {
                Assert.Equal(mask[y * 7 + (6 - x)], hm[y * 7 + x]);
                Assert.Equal(mask[(4 - y) * 7 + x], vm[y * 7 + x]);
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(photo.Pixels[(y * 7 + 6 - x) * 3 + c], h.Pixels[(y * 7 + x) * 3 + c]);
                    Assert.Equal(photo.Pixels[((4 - y) * 7 + x) * 3 + c], v.Pixels[(y * 7 + x) * 3 + c]);
                }
            }
    }

    [Fact]
    public void A_quarter_turn_is_an_exact_counter_clockwise_rotation_of_both()
    {
        const int n = 9; // odd: the centre is a pixel centre, so 90 degrees maps pixels onto pixels
        var (photo, mask) = Sample(n, n);
        var (r, rm) = Augmenter.Geometry(photo, mask, new Augmenter.Draw(false, false, 90, 1));
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
            {
                // Counter-clockwise on screen: the right edge comes to the top, (x, y) <- (n-1-y, x).
                var source = x * n + (n - 1 - y);
                Assert.Equal(mask[source], rm[y * n + x]);
                Assert.Equal(photo.Pixels[source * 3], r.Pixels[(y * n + x) * 3]);
            }
    }

    [Theory]
    [InlineData(7.3)]
    [InlineData(-9.9)]
    [InlineData(4)]
    public void Rotated_photo_and_mask_stay_aligned(double degrees)
    {
        // The mask is drawn from the photo (bright = 1); after any rotation it must still describe the photo.
        var (photo, _) = Sample(64, 48, 11);
        var mask = new byte[64 * 48];
        for (var i = 0; i < mask.Length; i++) mask[i] = photo.Pixels[i * 3] >= 150 ? (byte)1 : (byte)0;

        var (r, rm) = Augmenter.Geometry(photo, mask, new Augmenter.Draw(true, true, degrees, 1));

        var agree = 0;
        for (var i = 0; i < rm.Length; i++)
            if ((r.Pixels[i * 3] >= 150) == (rm[i] == 1)) agree++;
        // Bilinear blending blurs the rectangle's 1-pixel rim; everything else agrees.
        Assert.True(agree >= rm.Length * 0.97, $"{agree} of {rm.Length} pixels agree");
        Assert.All(rm, v => Assert.True(v is 0 or 1));
        // Corners come from outside the source: filled with 0 in both.
        Assert.Equal(0, rm[0]);
        Assert.Equal(0, r.Pixels[0]);
    }

    [Fact]
    public void A_zoom_enlarges_or_shrinks_photo_and_mask_alike_about_the_centre()
    {
        // A 9x9 block centred in a 65x65 frame (centre pixel 32): zoomed 1.5x it spans 13 pixels,
        // zoomed 0.5x it spans 5, and both stay centred; the photo's bright block follows the mask.
        const int n = 65;
        var pixels = new byte[n * n * 3];
        var mask = new byte[n * n];
        for (var y = 28; y <= 36; y++)
            for (var x = 28; x <= 36; x++)
            {
                mask[y * n + x] = 1;
                pixels[(y * n + x) * 3] = 200;
            }
        var photo = new RgbImage(n, n, pixels);

        foreach (var (scale, side) in new[] { (1.5, 13), (0.5, 5) })
        {
            var (zoomed, zoomedMask) = Augmenter.Geometry(photo, mask, new Augmenter.Draw(false, false, 0, 1, Scale: scale));
            var rows = Enumerable.Range(0, n).Where(y => zoomedMask.AsSpan(y * n, n).Contains((byte)1)).ToList();
            var columns = Enumerable.Range(0, n).Where(x => rows.Any(y => zoomedMask[y * n + x] == 1)).ToList();
            Assert.Equal((side, side), (rows.Count, columns.Count));
            Assert.Equal((32 - side / 2, 32 - side / 2), (rows[0], columns[0]));
            Assert.Equal(side * side, zoomedMask.Count(v => v == 1));
            for (var i = 0; i < n * n; i++)
                if (zoomedMask[i] == 1) Assert.Equal(200, zoomed.Pixels[i * 3]);
        }

        // Zoomed out by half, the photo fills the middle 33x33 pixels; what comes from beyond it is 0 in both.
        var (framed, framedMask) = Augmenter.Geometry(new RgbImage(n, n, Enumerable.Repeat((byte)90, n * n * 3).ToArray()),
            Enumerable.Repeat((byte)1, n * n).ToArray(), new Augmenter.Draw(false, false, 0, 1, Scale: 0.5));
        Assert.Equal((0, 0), (framed.Pixels[0], framedMask[0]));
        Assert.Equal((90, 1), (framed.Pixels[(32 * n + 32) * 3], framedMask[32 * n + 32]));
        Assert.Equal(33 * 33, framedMask.Count(v => v == 1));
        Assert.Equal(33 * 33, framed.Pixels.Where((_, i) => i % 3 == 0).Count(v => v == 90));
    }

    [Fact]
    public void Without_augmentation_the_training_input_is_exactly_the_evaluation_input()
    {
        var (photo, mask) = Sample(40, 40);
        var cached = new CachedSample("s", photo, mask);
        var augmented = new Augmenter(AugmentationOptions.None).Apply(cached, DeterministicRandom.For(1, 2, 3));
        Assert.Equal(cached.Prepare().Chw, augmented.Chw);
        Assert.Equal(mask, augmented.Mask);
        Assert.Equal(1f, augmented.Brightness);
    }

    [Fact]
    public void The_same_stream_gives_the_same_augmentation_and_draws_follow_the_probabilities()
    {
        var augmenter = new Augmenter(new AugmentationOptions());
        var (photo, mask) = Sample(32, 32);
        var cached = new CachedSample("s", photo, mask);
        var a = augmenter.Apply(cached, DeterministicRandom.For(5, 1, 0));
        var b = augmenter.Apply(cached, DeterministicRandom.For(5, 1, 0));
        Assert.Equal(a.Chw, b.Chw);
        Assert.Equal(a.Mask, b.Mask);
        Assert.Equal(a.Brightness, b.Brightness);

        var draws = Enumerable.Range(0, 4000).Select(i =>
        {
            var random = DeterministicRandom.For(9, i);
            return augmenter.Roll(ref random);
        }).ToList();
        Assert.InRange(draws.Count(d => d.HorizontalFlip) / 4000.0, 0.46, 0.54);
        Assert.InRange(draws.Count(d => d.VerticalFlip) / 4000.0, 0.26, 0.34);
        Assert.InRange(draws.Count(d => d.RotationDegrees != 0) / 4000.0, 0.46, 0.54);
        Assert.InRange(draws.Count(d => d.Brightness != 1f) / 4000.0, 0.26, 0.34);
        Assert.All(draws, d => Assert.InRange(d.RotationDegrees, -10, 10));
        Assert.All(draws, d => Assert.InRange(d.Brightness, 0.8f, 1.2f));
    }

    [Fact]
    public void Quarter_turns_follow_their_probability_both_ways_and_leave_the_other_draws_as_they_were()
    {
        var original = new Augmenter(new AugmentationOptions());
        var turning = new Augmenter(new AugmentationOptions { QuarterTurnProbability = 0.25 });
        var pairs = Enumerable.Range(0, 4000).Select(i =>
        {
            var a = DeterministicRandom.For(9, i);
            var b = DeterministicRandom.For(9, i);
            return (Before: original.Roll(ref a), After: turning.Roll(ref b));
        }).ToList();

        Assert.All(pairs, p => Assert.Equal(p.Before with { RotationDegrees = 0 }, p.After with { RotationDegrees = 0 }));
        var turns = pairs.Select(p => p.After.RotationDegrees - p.Before.RotationDegrees).ToList();
        Assert.All(turns, t => Assert.Contains(Math.Round(t, 9), new[] { -90.0, 0.0, 90.0 }));
        Assert.InRange(turns.Count(t => Math.Abs(t) > 1) / 4000.0, 0.22, 0.28);
        Assert.InRange(turns.Count(t => t > 1) / (double)turns.Count(t => Math.Abs(t) > 1), 0.44, 0.56);
    }

    [Fact]
    public void Zooms_follow_their_probability_and_limit_and_leave_the_other_draws_as_they_were()
    {
        var original = new Augmenter(new AugmentationOptions());
        var zooming = new Augmenter(new AugmentationOptions { ScaleProbability = 0.4, ScaleLimit = 0.25 });
        var pairs = Enumerable.Range(0, 4000).Select(i =>
        {
            var a = DeterministicRandom.For(9, i);
            var b = DeterministicRandom.For(9, i);
            return (Before: original.Roll(ref a), After: zooming.Roll(ref b));
        }).ToList();

        Assert.All(pairs, p => Assert.Equal(p.Before, p.After with { Scale = 1 }));
        Assert.All(pairs, p => Assert.Equal(1, p.Before.Scale));
        var zooms = pairs.Select(p => p.After.Scale).Where(s => s != 1).ToList();
        Assert.InRange(zooms.Count / 4000.0, 0.37, 0.43);
        Assert.All(zooms, s => Assert.InRange(s, 0.75, 1.25));
        Assert.InRange(zooms.Count(s => s < 1) / (double)zooms.Count, 0.45, 0.55);
        Assert.True(zooms.Min() < 0.77 && zooms.Max() > 1.23, "the whole range is drawn");
    }

    [Fact]
    public void Brightness_scales_the_photo_floats_and_clips_at_one_but_leaves_the_mask()
    {
        var batch = SampleBatch.Allocate(1, 2, ["s"]);
        batch.Fill(0, [0, 100, 230, 255, 10, 20, 30, 40, 1, 2, 3, 4], [0, 1, 1, 0], 1.2f);
        Assert.Equal(100 / 255f * 1.2f, batch.Photos[1], 6);
        Assert.Equal(1f, batch.Photos[2]);
        Assert.Equal(1f, batch.Photos[3]);
        Assert.Equal([0f, 1f, 1f, 0f], batch.Masks);
    }

    /// <summary>A 64x64 photo (drawn from <paramref name="seed"/>) whose mask is one width x height counter at (left, top).</summary>
    private static CachedSample WithCounter(string stem, int seed, int left, int top, int width, int height)
    {
        var (photo, _) = Sample(64, 64, seed);
        var mask = new byte[64 * 64];
        for (var y = top; y < top + height; y++)
            mask.AsSpan(y * 64 + left, width).Fill(1);
        return new CachedSample(stem, photo, mask);
    }

    /// <summary>A 12x10 counter at (40, 6): a crop of 32 can hold it or miss it.</summary>
    private static CachedSample CounterSample() => WithCounter("s", 5, 40, 6, 12, 10);

    [Fact]
    public void A_crop_is_the_drawn_window_of_the_photo_prepared_whole()
    {
        var cached = CounterSample();
        var augmenter = new Augmenter(AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 0.5 });
        var whole = cached.Prepare();
        for (var i = 0; i < 20; i++)
        {
            var random = DeterministicRandom.For(4, 1, i);
            var draw = augmenter.Roll(ref random);
            var (left, top) = Augmenter.CropWindow(cached.Mask, 64, 32, draw);
            var crop = augmenter.Apply(cached, DeterministicRandom.For(4, 1, i));

            Assert.Equal(32 * 32 * 3, crop.Chw.Length);
            Assert.Equal(32 * 32, crop.Mask.Length);
            // The stretch and median saw the whole photo (as at prediction); the crop only cuts.
            for (var c = 0; c < 3; c++)
                for (var y = 0; y < 32; y++)
                    for (var x = 0; x < 32; x++)
                    {
                        Assert.Equal(whole.Chw[c * 64 * 64 + (top + y) * 64 + left + x], crop.Chw[(c * 32 + y) * 32 + x]);
                        if (c == 0) Assert.Equal(cached.Mask[(top + y) * 64 + left + x], crop.Mask[y * 32 + x]);
                    }
        }
    }

    [Fact]
    public void Crops_on_the_counter_hold_all_of_it_and_the_others_fall_anywhere()
    {
        var cached = CounterSample();
        int Counter(AugmentedSample s) => s.Mask.Count(v => v == 1);
        var onCounter = new Augmenter(AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 1 });
        var anywhere = new Augmenter(AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 0 });

        var held = Enumerable.Range(0, 200).Select(i => onCounter.Apply(cached, DeterministicRandom.For(2, 0, i))).ToList();
        Assert.All(held, s => Assert.Equal(120, Counter(s)));
        Assert.True(held.Select(s => s.Chw[0]).Distinct().Count() > 1, "the window moves around the counter");

        var loose = Enumerable.Range(0, 200).Select(i => Counter(anywhere.Apply(cached, DeterministicRandom.For(2, 0, i)))).ToList();
        Assert.Contains(0, loose);
        Assert.Contains(120, loose);
    }

    [Fact]
    public void A_counter_wider_than_the_crop_fills_the_window()
    {
        var mask = new byte[64 * 64];
        for (var y = 10; y < 50; y++)
            for (var x = 4; x < 60; x++)
                mask[y * 64 + x] = 1;
        for (var i = 0; i < 100; i++)
        {
            var draw = new Augmenter.Draw(false, false, 0, 1, CropOnCounter: true, CropX: i / 100.0, CropY: 1 - i / 100.0);
            var (left, top) = Augmenter.CropWindow(mask, 64, 32, draw);
            Assert.InRange(left, 4, 60 - 32);
            Assert.InRange(top, 10, 50 - 32);
        }
        // Drawn at the ends of [0, 1), the window reaches both ends of the box.
        Assert.Equal((4, 10), Augmenter.CropWindow(mask, 64, 32, new Augmenter.Draw(false, false, 0, 1, true, 0, 0)));
        Assert.Equal((28, 18), Augmenter.CropWindow(mask, 64, 32, new Augmenter.Draw(false, false, 0, 1, true, 0.9999, 0.9999)));
    }

    /// <summary>A 48x6 counter at (8, 29), longer than a 32x32 window.</summary>
    private static CachedSample LongCounterSample() => WithCounter("long", 7, 8, 29, 48, 6);

    /// <summary>The counter's extent in a window: rows when <paramref name="vertical"/>, else columns.</summary>
    private static List<int> CounterLines(byte[] window, int crop, bool vertical) =>
        Enumerable.Range(0, crop).Where(a => Enumerable.Range(0, crop).Any(b => window[vertical ? a * crop + b : b * crop + a] == 1)).ToList();

    [Fact]
    public void With_fitting_a_counter_longer_than_the_window_is_zoomed_out_until_all_of_it_is_in()
    {
        var cached = LongCounterSample();
        var fitting = new Augmenter(AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 1, CropFitsCounter = true });
        var inside = fitting.Options with { CropFitsCounter = false };

        foreach (var i in Enumerable.Range(0, 50))
        {
            var columns = CounterLines(fitting.Apply(cached, DeterministicRandom.For(6, 0, i)).Mask, 32, vertical: false);
            // Zoomed from 48 to 7/8 of the window, 28 columns (nearest-neighbour sampling may round by
            // one either way), and held whole: both ends are in, and the window has room around them.
            Assert.InRange(columns.Count, 27, 29);
            Assert.Equal(columns.Count, columns[^1] - columns[0] + 1);
        }
        // Without it the window lies inside the counter: the mask's rows are counter from edge to edge.
        var cut = new Augmenter(inside).Apply(cached, DeterministicRandom.For(6, 0, 0));
        Assert.All(Enumerable.Range(0, 32), x => Assert.Contains((byte)1, Enumerable.Range(0, 32).Select(y => cut.Mask[y * 32 + x])));
    }

    [Fact]
    public void Fitting_holds_a_turned_counter_and_one_the_drawn_zoom_pushed_out_of_the_frame()
    {
        // A quarter turn makes the long counter vertical: the fit measures it after the turn.
        var turned = new Augmenter(AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 1, CropFitsCounter = true, QuarterTurnProbability = 1 });
        foreach (var i in Enumerable.Range(0, 30))
        {
            var rows = CounterLines(turned.Apply(LongCounterSample(), DeterministicRandom.For(9, 0, i)).Mask, 32, vertical: true);
            Assert.InRange(rows.Count, 27, 29);
        }

        // A counter from edge to edge, zoomed in by up to 1.3 before the fit: part of it leaves the
        // frame, so the first fit measures too short a box; measured again, the whole of it fits.
        var edgeToEdge = WithCounter("edge", 11, 0, 29, 64, 6);
        var zoomed = new Augmenter(AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 1, CropFitsCounter = true, ScaleProbability = 1, ScaleLimit = 0.3 });
        foreach (var i in Enumerable.Range(0, 50))
        {
            var columns = CounterLines(zoomed.Apply(edgeToEdge, DeterministicRandom.For(10, 0, i)).Mask, 32, vertical: false);
            // 7/8 of the window is 28 columns, and a refitted counter may exceed it by 2 before it is fitted again.
            Assert.True(columns.Count <= 30, $"draw {i}: the counter spans {columns.Count} of the window's 32 columns");
        }
    }

    [Fact]
    public void Fitting_leaves_counters_that_fit_and_windows_off_the_counter_as_they_were()
    {
        var fits = CounterSample();
        var options = AugmentationOptions.None with { CropSize = 32, CropOnCounterProbability = 0.5 };
        var plain = new Augmenter(options);
        var fitting = new Augmenter(options with { CropFitsCounter = true });
        foreach (var i in Enumerable.Range(0, 20))
            Assert.Equal(plain.Apply(fits, DeterministicRandom.For(8, 0, i)).Chw, fitting.Apply(fits, DeterministicRandom.For(8, 0, i)).Chw);

        var anywhere = options with { CropOnCounterProbability = 0 };
        var tooLong = LongCounterSample();
        foreach (var i in Enumerable.Range(0, 20))
            Assert.Equal(new Augmenter(anywhere).Apply(tooLong, DeterministicRandom.For(8, 0, i)).Mask,
                new Augmenter(anywhere with { CropFitsCounter = true }).Apply(tooLong, DeterministicRandom.For(8, 0, i)).Mask);
    }
}
