using Wms.Core;
using Wms.Tests.Shared;
using Wms.Training.Data;
using Xunit;

namespace Wms.Training.Tests.Data;

public sealed class DatasetFolderTests
{
    [Fact]
    public void Pairs_by_stem_whatever_the_extension_and_its_case()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("d");
        TestImages.WritePair(data, "b", 20, 20, 1, ".JPEG", ".png");
        TestImages.WritePair(data, "a", 20, 20, 2, ".png", ".jpg");
        TestImages.WritePair(data, "c", 20, 20, 3, ".jpeg", ".PNG");
        File.WriteAllText(Path.Combine(data, "images", ".DS_Store"), "finder");

        var pairs = DatasetFolder.Scan(data);

        Assert.Equal(["a", "b", "c"], pairs.Select(p => p.Stem));
        Assert.Equal(Path.Combine(data, "images", "b.JPEG"), pairs[1].PhotoPath);
        Assert.Equal(Path.Combine(data, "masks", "b.png"), pairs[1].MaskPath);
    }

    [Fact]
    public void A_photo_without_a_mask_is_named()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 3);
        File.Delete(Path.Combine(data, "masks", "meter_001.png"));
        var error = Assert.Throws<WmsException>(() => DatasetFolder.Scan(data));
        Assert.Equal(WmsErrorKind.DataInvalid, error.Kind);
        Assert.Equal($"Missing masks for 1 images in {Path.Combine(data, "images")}: meter_001.jpg", error.Message);
    }

    [Fact]
    public void A_mask_without_a_photo_is_named()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 3);
        File.Delete(Path.Combine(data, "images", "meter_002.jpg"));
        var error = Assert.Throws<WmsException>(() => DatasetFolder.Scan(data));
        Assert.Equal($"Missing images for 1 masks in {Path.Combine(data, "masks")}: meter_002.png", error.Message);
    }

    [Fact]
    public void Many_missing_files_are_counted_and_the_first_five_named()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 8, 16, 16);
        foreach (var mask in Directory.GetFiles(Path.Combine(data, "masks"))) File.Delete(mask);
        var error = Assert.Throws<WmsException>(() => DatasetFolder.Scan(data));
        Assert.EndsWith("meter_000.jpg, meter_001.jpg, meter_002.jpg, meter_003.jpg, meter_004.jpg and 3 more", error.Message);
        Assert.Contains("Missing masks for 8 images", error.Message);
    }

    [Fact]
    public void An_empty_data_folder_says_so()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("images"));
        Directory.CreateDirectory(temp.Combine("masks"));
        var error = Assert.Throws<WmsException>(() => DatasetFolder.Scan(temp.Path));
        Assert.Equal($"No valid image-mask pairs found in {temp.Path} (images/ and masks/ are empty)", error.Message);
    }

    [Fact]
    public void Missing_folders_are_named()
    {
        using var temp = new TempDirectory();
        var missing = Assert.Throws<WmsException>(() => DatasetFolder.Scan(temp.Combine("none")));
        Assert.Equal(($"{temp.Combine("none")}: data folder not found", WmsErrorKind.NotFound), (missing.Message, missing.Kind));
        var notDataSet = Assert.Throws<WmsException>(() => DatasetFolder.Scan(temp.Path));
        Assert.Equal(($"Images directory not found: {temp.Combine("images")}", WmsErrorKind.DataInvalid), (notDataSet.Message, notDataSet.Kind));
        Directory.CreateDirectory(temp.Combine("images"));
        Assert.Equal($"Masks directory not found: {temp.Combine("masks")}",
            Assert.Throws<WmsException>(() => DatasetFolder.Scan(temp.Path)).Message);
    }

    [Fact]
    public void Two_photos_with_one_stem_are_refused_not_silently_replaced()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 2, 16, 16);
        File.Copy(Path.Combine(data, "images", "meter_000.jpg"), Path.Combine(data, "images", "meter_000.png"));
        var error = Assert.Throws<WmsException>(() => DatasetFolder.Scan(data));
        Assert.Equal($"{Path.Combine(data, "images")}: meter_000.jpg and meter_000.png share the stem \"meter_000\"; keep one", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_named()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 2, 16, 16);
        var notes = Path.Combine(data, "images", "notes.txt");
        File.WriteAllText(notes, "x");
        var error = Assert.Throws<WmsException>(() => DatasetFolder.Scan(data));
        Assert.StartsWith($"{notes}: not a photo or mask", error.Message);
    }
}
