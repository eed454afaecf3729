using Wms.Core.DataSets;
using Wms.Core.Tests.DataQuality;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.DataSets;

/// <summary>`wms data merge`: new pairs in, identical skipped, conflicts refused, and all or nothing.</summary>
public sealed class DataSetMergerTests
{
    [Fact]
    public void New_pairs_are_added_and_identical_files_skipped()
    {
        using var existing = new DataSetBuilder().GoodPairs(4);
        using var incoming = new DataSetBuilder();
        File.Copy(existing.PathOf("images", "good_00.jpg"), incoming.PathOf("images", "good_00.jpg"));
        File.Copy(existing.PathOf("masks", "good_00.jpg"), incoming.PathOf("masks", "good_00.jpg"));
        incoming.Image("fresh.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(140)))
            .Mask("fresh.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(12, 11, 44, 24)));

        var result = DataSetMerger.Merge(incoming.Root, existing.Root, replace: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MergeOutcome.Merged, result.Outcome);
        Assert.Equal((4, 1, 0, 5), (result.ExistingPairs, result.NewPairs, result.ReplacedPairs, result.TotalPairs));
        Assert.Equal((2, 0, 2), (result.FilesAdded, result.FilesReplaced, result.FilesIdentical));
        Assert.True(File.Exists(existing.PathOf("images", "fresh.jpg")));
        Assert.True(File.Exists(existing.PathOf("masks", "fresh.png")));
        Assert.Empty(Directory.EnumerateDirectories(existing.Root, ".wms-merge-*"));
    }

    [Fact]
    public void A_same_name_with_other_content_is_a_conflict_and_nothing_changes()
    {
        using var existing = new DataSetBuilder().GoodPairs(4);
        using var incoming = new DataSetBuilder();
        incoming.Image("good_01.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(199)))
            .Mask("good_01.jpg", File.ReadAllBytes(existing.PathOf("masks", "good_01.jpg")))
            .Mask("good_02.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)))
            .Image("fresh.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(141)))
            .Mask("fresh.jpg", EncodedImages.GreyJpeg(64, 48, EncodedImages.Box(12, 11, 44, 24)));
        var before = Snapshot(existing.Root);

        var result = DataSetMerger.Merge(incoming.Root, existing.Root, replace: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MergeOutcome.Conflicts, result.Outcome);
        Assert.Equal([
            "images/good_01.jpg: differs from the file already in the data set",
            "masks/good_02.png: would pair ambiguously with masks/good_02.jpg already in the data set",
        ], result.Conflicts);
        Assert.Equal(before, Snapshot(existing.Root));
    }

    [Fact]
    public void Replace_overwrites_on_purpose()
    {
        using var existing = new DataSetBuilder().GoodPairs(4);
        using var incoming = new DataSetBuilder();
        var newPhoto = EncodedImages.Jpeg(64, 48, EncodedImages.Photo(199));
        incoming.Image("good_01.jpg", newPhoto).Mask("good_02.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 20)));

        var result = DataSetMerger.Merge(incoming.Root, existing.Root, replace: true, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MergeOutcome.Merged, result.Outcome);
        Assert.Equal((4, 0, 2, 4), (result.ExistingPairs, result.NewPairs, result.ReplacedPairs, result.TotalPairs));
        Assert.Equal(newPhoto, File.ReadAllBytes(existing.PathOf("images", "good_01.jpg")));
        Assert.False(File.Exists(existing.PathOf("masks", "good_02.jpg")));
        Assert.True(File.Exists(existing.PathOf("masks", "good_02.png")));
    }

    [Fact]
    public void A_merged_set_that_fails_validation_changes_nothing()
    {
        using var existing = new DataSetBuilder().GoodPairs(4);
        using var incoming = new DataSetBuilder();
        incoming.Image("fine.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(150)))
            .Mask("fine.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(12, 11, 44, 24)))
            .Image("broken.jpg", []).Mask("broken.png", EncodedImages.GreyPng(64, 48, EncodedImages.Box(12, 11, 44, 24)))
            .Image("unlabelled.jpg", EncodedImages.Jpeg(64, 48, EncodedImages.Photo(151)));
        var before = Snapshot(existing.Root);

        var result = DataSetMerger.Merge(incoming.Root, existing.Root, replace: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MergeOutcome.ValidationFailed, result.Outcome);
        Assert.Contains("broken: Error: images/broken.jpg: empty file (0 bytes)", result.Report!.Errors);
        Assert.Contains("Missing masks for 1 images", result.Report.Errors);
        Assert.Equal(before, Snapshot(existing.Root));
    }

    [Fact]
    public void Merging_into_a_new_folder_creates_the_data_set()
    {
        using var incoming = new DataSetBuilder().GoodPairs(3);
        using var temp = new TempDirectory();
        var into = temp.Combine("training");

        var result = DataSetMerger.Merge(incoming.Root, into, replace: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((MergeOutcome.Merged, 0, 3, 3), (result.Outcome, result.ExistingPairs, result.NewPairs, result.TotalPairs));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(into, "masks")).Length);
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p), p => Convert.ToHexString(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(p))));
}
