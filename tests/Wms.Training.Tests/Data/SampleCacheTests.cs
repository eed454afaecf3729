using Wms.Core;
using Wms.Core.Imaging;
using Wms.Tests.Shared;
using Wms.Training.Data;
using Xunit;

namespace Wms.Training.Tests.Data;

public sealed class SampleCacheTests
{
    [Fact]
    public void Loads_every_pair_resized_with_a_binary_mask_in_pair_order()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 6, 90, 70);
        var pairs = DatasetFolder.Scan(data);
        var loaded = 0;

        var samples = SampleCache.Load(pairs, 32, n => Interlocked.Exchange(ref loaded, Math.Max(loaded, n)), TestContext.Current.CancellationToken);

        Assert.Equal(pairs.Select(p => p.Stem), samples.Select(s => s.Stem));
        Assert.Equal(6, loaded);
        var first = samples[0];
        Assert.Equal((32, 32), (first.Photo.Width, first.Photo.Height));
        Assert.Equal(32 * 32, first.Mask.Length);
        Assert.All(first.Mask, v => Assert.True(v is 0 or 1));
        // The cache holds exactly what the one preprocessing makes of the files.
        var photo = ImageDecoder.DecodeRgb(pairs[0].PhotoPath);
        Assert.Equal(Preprocessing.Prepare(photo, 32), first.Prepare().Chw);
        Assert.Equal(Preprocessing.PrepareMask(ImageDecoder.DecodeGray(pairs[0].MaskPath), 32), first.Mask);
    }

    [Fact]
    public void A_truncated_photo_is_named()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 3, 64, 48);
        var photo = Path.Combine(data, "images", "meter_001.jpg");
        var bytes = File.ReadAllBytes(photo);
        File.WriteAllBytes(photo, bytes[..(bytes.Length / 3)]);

        var error = Assert.Throws<WmsException>(() => SampleCache.Load(DatasetFolder.Scan(data), 32, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(WmsErrorKind.DataInvalid, error.Kind);
        Assert.StartsWith($"{photo}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unreadable_photo_is_named_and_further_bad_pairs_counted()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 4, 32, 32);
        var first = Path.Combine(data, "images", "meter_001.jpg");
        File.WriteAllText(first, "this is not a JPEG");
        File.WriteAllBytes(Path.Combine(data, "masks", "meter_003.png"), []);

        var error = Assert.Throws<WmsException>(() => SampleCache.Load(DatasetFolder.Scan(data), 32, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith($"{first}: not a readable JPEG or PNG image", error.Message);
        Assert.EndsWith("(and 1 more bad pairs)", error.Message);
    }

    [Fact]
    public void A_mask_of_another_size_than_its_photo_is_named()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("d");
        TestImages.WritePair(data, "x", 40, 30, 1);
        var mask = Path.Combine(data, "masks", "x.png");
        File.WriteAllBytes(mask, TestImages.Encode(new RgbImage(40, 31), ".png"));

        var error = Assert.Throws<WmsException>(() => SampleCache.Load(DatasetFolder.Scan(data), 32, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal($"{mask}: mask is 40x31 but its photo x.jpg is 40x30 (after EXIF orientation)", error.Message);
    }

    [Fact]
    public void Sizes_are_compared_after_EXIF_orientation()
    {
        // A phone photo stored 40x30 with orientation 6 is seen as 30x40; its mask is drawn 30x40.
        using var temp = new TempDirectory();
        var data = temp.Combine("d");
        Directory.CreateDirectory(Path.Combine(data, "images"));
        Directory.CreateDirectory(Path.Combine(data, "masks"));
        var (photo, _) = TestImages.Scene(40, 30, 5);
        File.WriteAllBytes(Path.Combine(data, "images", "p.jpg"), EncodedImages.WithExifOrientation(TestImages.Encode(photo, ".jpg"), 6));
        File.WriteAllBytes(Path.Combine(data, "masks", "p.png"), TestImages.Encode(new RgbImage(30, 40), ".png"));

        var sample = Assert.Single(SampleCache.Load(DatasetFolder.Scan(data), 32, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("p", sample.Stem);

        // The same mask without the rotation no longer fits.
        File.WriteAllBytes(Path.Combine(data, "masks", "p.png"), TestImages.Encode(new RgbImage(40, 30), ".png"));
        var error = Assert.Throws<WmsException>(() => SampleCache.Load(DatasetFolder.Scan(data), 32, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("mask is 40x30 but its photo p.jpg is 30x40 (after EXIF orientation)", error.Message);
    }

    [Fact]
    public void Real_phone_photos_and_jpeg_masks_load_as_binary_masks_that_cover_the_counter()
    {
        var data = TestEnvironment.RequireWaterMeters();
        var pairs = DatasetFolder.Scan(data).Take(8).ToList();
        var samples = SampleCache.Load(pairs, 128, cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(samples, s =>
        {
            Assert.All(s.Mask, v => Assert.True(v is 0 or 1));
            // A digit counter: a visible part of the photo, far from all of it.
            Assert.InRange(s.Mask.Count(v => v == 1) / (double)s.Mask.Length, 0.001, 0.5);
        });
    }
}
