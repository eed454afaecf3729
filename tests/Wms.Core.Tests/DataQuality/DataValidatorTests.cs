using Wms.Core.DataQuality;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.DataQuality;

/// <summary>Each check of `wms data validate` on real image files, with the original's error texts.</summary>
public sealed class DataValidatorTests
{
    [Fact]
    public void A_clean_data_set_passes_with_statistics()
    {
        using var data = new DataSetBuilder().GoodPairs(12);

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Passed, string.Join("\n", report.Errors));
        Assert.Equal(("PASS", 12, 12, 12), (report.Status, report.ImageCount, report.MaskCount, report.ValidPairs));
        Assert.Empty(report.Errors);
        Assert.Equal("48x64", report.Statistics.Resolution);
        Assert.InRange(report.Statistics.MedianCoveragePercent!.Value, 10, 20);
        Assert.NotNull(report.Statistics.StdCoveragePercent);
    }

    [Fact]
    public void Missing_folders_are_reported_with_the_original_texts()
    {
        using var temp = new TempDirectory();

        var report = DataValidator.Validate(temp.Path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("FAIL", report.Status);
        Assert.Equal([$"Images directory not found: {temp.Combine("images")}", $"Masks directory not found: {temp.Combine("masks")}"], report.Errors);
    }

    [Fact]
    public void Every_unpaired_file_is_listed_not_just_the_first_ten()
    {
        using var data = new DataSetBuilder().GoodPairs(2);
        for (var i = 0; i < 15; i++) data.Image($"lonely_{i:D2}.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(i)));
        data.Mask("orphan.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Missing masks for 15 images", report.Errors);
        Assert.Contains("Missing images for 1 masks", report.Errors);
        Assert.Equal(15, Group(report, "missing_mask").Items.Count);
        Assert.Equal(["masks/orphan.png"], Group(report, "missing_image").Items);
    }

    [Fact]
    public void A_zero_byte_file_a_truncated_jpeg_and_a_jph_file_are_errors()
    {
        using var data = new DataSetBuilder().GoodPairs(3);
        var photo = EncodedImages.Jpeg(64, 48, EncodedImages.Photo(109));
        data.Image("zero.jpg", []).Mask("zero.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)));
        data.Image("cut.jpg", photo[..(photo.Length / 2)]).Mask("cut.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)));
        data.Image("typo.jph", photo);

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(report.Passed);
        Assert.Contains("zero: Error: images/zero.jpg: empty file (0 bytes)", report.Errors);
        Assert.Contains(report.Errors, e => e.StartsWith("cut: Error: images/cut.jpg: cannot decode image", StringComparison.Ordinal));
        Assert.Contains("images/typo.jph: unsupported file type '.jph' (expected .jpg, .jpeg or .png)", report.Errors);
        Assert.Equal(3, report.ValidPairs);
    }

    [Fact]
    public void A_colour_photo_used_as_its_own_mask_is_not_a_mask()
    {
        using var data = new DataSetBuilder().GoodPairs(3);
        var photo = EncodedImages.Jpeg(64, 48, EncodedImages.Photo(103));
        data.Image("self.jpg", photo).Mask("self.jpg", photo);

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("self: Not a mask: masks/self.jpg is a colour image", error, StringComparison.Ordinal);
        Assert.Equal(["self: Not a mask"], Group(report, "not_a_mask").Items.Select(i => i[..16]));
    }

    [Fact]
    public void A_grey_photo_is_not_a_mask_either()
    {
        using var data = new DataSetBuilder().GoodPairs(3);
        data.Image("grey.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(101)))
            .Mask("grey.jpg", EncodedImages.GreyJpeg(64, 48, (x, y) => (byte)(60 + (x * 2 + y) % 140)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(report.Errors, e => e.StartsWith("grey: Not a mask:", StringComparison.Ordinal) && e.Contains("mid-grey"));
    }

    [Fact]
    public void An_exif_rotated_photo_pairs_with_a_mask_of_the_rotated_size()
    {
        // Stored 64x48 with orientation 6: people (and training) see it 48x64.
        using var data = new DataSetBuilder().GoodPairs(3);
        var rotated = EncodedImages.WithExifOrientation(EncodedImages.Jpeg(64, 48, EncodedImages.Photo(104)), 6);
        data.Image("upright.jpg", rotated).Mask("upright.png", EncodedImages.GreyPng(48, 64, EncodedImages.Box(10, 20, 30, 40)));
        data.Image("sideways.jpg", rotated).Mask("sideways.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(10, 20, 30, 40)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, report.ValidPairs); // three good ones and "upright"
        Assert.Contains("sideways: Size mismatch: image 48x64, mask 64x48 (width x height after EXIF orientation); "
            + "the mask fits the photo as stored, before its EXIF orientation 6: it was drawn on the unrotated photo", report.Errors);
        Assert.Equal(2, report.Statistics.ExifRotatedImages);
    }

    [Fact]
    public void Empty_and_near_empty_masks_use_the_original_texts()
    {
        using var data = new DataSetBuilder().GoodPairs(3);
        data.Image("empty.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(101))).Mask("empty.png", EncodedImages.GreyPng(64, 48, (_, _) => 0));
        data.Image("tiny.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(102))).Mask("tiny.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(0, 0, 7, 7)));
        // Grey 127 counts as foreground (>= 127), 126 does not: 99 pixels at 127 (and 20 at 126) is near-empty.
        data.Image("edge.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(103)))
            .Mask("edge.png", EncodedImages.GreyPng(64, 48, (x, y) => x < 11 && y < 9 ? (byte)127 : x < 20 && y == 20 ? (byte)126 : (byte)0));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("empty: Empty mask", report.Errors);
        Assert.Contains("tiny: Near-empty mask (49 pixels)", report.Errors);
        Assert.Contains("edge: Near-empty mask (99 pixels)", report.Errors);
    }

    [Fact]
    public void Extensions_of_any_case_pair_and_a_png_named_jpg_is_a_warning()
    {
        using var data = new DataSetBuilder().GoodPairs(3);
        data.Image("upper.JPG", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(105))).Mask("upper.Png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)));
        data.Image("long.jpeg", EncodedImages.Png(64, 48, EncodedImages.Photo(106))).Mask("long.JPEG", EncodedImages.GreyJpeg(64, 48, EncodedImages.Box(5, 5, 40, 20)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Passed, string.Join("\n", report.Errors));
        Assert.Equal(5, report.ValidPairs);
        Assert.Contains("images/long.jpeg: PNG content with a .jpeg extension (rename it)", report.Warnings);
    }

    [Fact]
    public void The_same_photo_under_two_names_and_two_photos_with_one_stem_are_errors()
    {
        using var data = new DataSetBuilder().GoodPairs(3);
        var photo = File.ReadAllBytes(data.PathOf("images", "good_01.jpg"));
        data.Image("copy_of_01.jpg", photo).Mask("copy_of_01.jpg", File.ReadAllBytes(data.PathOf("masks", "good_01.jpg")));
        data.Image("twin.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(108))).Image("twin.png", EncodedImages.Png(64, 48, EncodedImages.Photo(108)))
            .Mask("twin.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("images/copy_of_01.jpg = images/good_01.jpg: the same photo under 2 names", report.Errors);
        Assert.Contains("twin: Error: images/twin.jpg and images/twin.png share one name; a pair needs exactly one of each", report.Errors);
    }

    [Fact]
    public void Coverage_and_position_outliers_are_warnings_not_errors()
    {
        using var data = new DataSetBuilder().GoodPairs(12);
        data.Image("huge.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(120))).Mask("huge.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(0, 0, 64, 40)));
        data.Image("corner.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(121))).Mask("corner.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(52, 38, 64, 48)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Passed);
        Assert.Contains(report.Warnings, w => w.StartsWith("huge: coverage 83.33% is outside", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.StartsWith("corner: mask centre", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("good_", StringComparison.Ordinal));
    }

    [Fact]
    public void Hidden_files_and_sub_folders_are_reported_and_not_used()
    {
        using var data = new DataSetBuilder().GoodPairs(2);
        data.Image(".DS_Store", [1, 2, 3]);
        Directory.CreateDirectory(data.PathOf("masks", "old"));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Passed);
        Assert.Equal(["images/.DS_Store: ignored (hidden file)", "masks/old/: ignored (sub-folder)"], report.Warnings);
    }

    [Fact]
    public void No_pairs_at_all_is_its_own_error()
    {
        using var data = new DataSetBuilder();
        data.Image("a.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(101)));

        var report = DataValidator.Validate(data.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["Missing masks for 1 images", "No valid image-mask pairs found"], report.Errors);
    }

    private static ProblemGroup Group(DataQualityReport report, string check) => Assert.Single(report.Problems, p => p.Check == check);
}
