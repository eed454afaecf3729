using Wms.Core.Imaging;
using Wms.Core.Synthetic;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Synthetic;

public sealed class SyntheticDatasetTests
{
    private static readonly SyntheticOptions Small = new() { MinSize = 96, MaxSize = 192 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Generate_writes_decodable_pairs_matched_by_stem_with_equal_sizes()
    {
        using var temp = new TempDirectory();
        var reported = new List<int>();
        var summary = SyntheticMeters.Generate(temp.Path, 12, 5, Small, progress: new SyncProgress(reported), cancellationToken: Ct);

        Assert.Equal(12, summary.Count);
        Assert.Equal(12, reported.Max());
        var images = ImageFiles.List(summary.ImagesDirectory);
        var masks = ImageFiles.List(summary.MasksDirectory);
        Assert.Equal(12, images.Count);
        Assert.Equal(images.Select(Path.GetFileNameWithoutExtension), masks.Select(Path.GetFileNameWithoutExtension));
        Assert.All(images, p => Assert.Equal(".jpg", Path.GetExtension(p)));
        Assert.All(masks, p => Assert.Equal(".png", Path.GetExtension(p)));

        foreach (var (image, mask) in images.Zip(masks))
        {
            var photo = ImageDecoder.DecodeRgb(image);
            var grey = ImageDecoder.DecodeGray(mask);
            Assert.Equal((photo.Width, photo.Height), (grey.Width, grey.Height));
            Assert.All(grey.Pixels, p => Assert.True(p is 0 or 255));
            Assert.Contains(grey.Pixels, p => p == 255);
            var maskBytes = File.ReadAllBytes(mask);
            Assert.Equal("png", ImageDecoder.ReadInfo(maskBytes, mask).Format);
            Assert.Equal((8, 0), (maskBytes[24], maskBytes[25])); // 8-bit greyscale PNG
        }
        Assert.InRange(summary.MinSide, 64, 192);
        Assert.InRange(summary.MaxSide, 96, 192);
        Assert.InRange(summary.MeanCoveragePercent, 0.2, 30);
        Assert.DoesNotContain(Directory.GetDirectories(temp.Path), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Files_match_the_in_memory_render_byte_for_byte()
    {
        using var temp = new TempDirectory();
        SyntheticMeters.Generate(temp.Path, 3, 8, Small, cancellationToken: Ct);
        for (var i = 0; i < 3; i++)
        {
            var sample = SyntheticMeters.Render(8, i, Small);
            Assert.Equal(sample.EncodePhoto(), File.ReadAllBytes(temp.Combine("images", sample.Stem + ".jpg")));
            Assert.Equal(sample.EncodeMask(), File.ReadAllBytes(temp.Combine("masks", sample.Stem + ".png")));
            Assert.Equal(sample.Mask.Pixels, ImageDecoder.DecodeGray(temp.Combine("masks", sample.Stem + ".png")).Pixels);
        }
    }

    [Fact]
    public void A_non_empty_folder_is_refused_unless_replacing_and_replacing_drops_stale_files()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("images"));
        File.WriteAllText(temp.Combine("images", "mine.jpg"), "not mine to delete");
        File.WriteAllText(temp.Combine("images.dvc"), "kept");

        var error = Assert.Throws<WmsException>(() => SyntheticMeters.Generate(temp.Path, 2, 1, Small, cancellationToken: Ct));
        Assert.Equal(WmsErrorKind.Conflict, error.Kind);
        Assert.Contains("images", error.Message);
        Assert.True(File.Exists(temp.Combine("images", "mine.jpg")));
        Assert.False(Directory.Exists(temp.Combine("masks")));

        SyntheticMeters.Generate(temp.Path, 2, 1, Small, replace: true, cancellationToken: Ct);
        Assert.False(File.Exists(temp.Combine("images", "mine.jpg")));
        Assert.Equal(2, Directory.GetFiles(temp.Combine("images")).Length);
        Assert.Equal("kept", File.ReadAllText(temp.Combine("images.dvc")));
    }

    [Fact]
    public void A_cancelled_run_leaves_nothing_behind()
    {
        using var temp = new TempDirectory();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SyncProgress([], _ => cancel.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SyntheticMeters.Generate(temp.Path, 50, 1, Small, progress: progress, cancellationToken: cancel.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("data"), "a file");
        var error = Assert.Throws<WmsException>(() => SyntheticMeters.Generate(temp.Combine("data"), 1, 1, Small, cancellationToken: Ct));
        Assert.Contains(temp.Combine("data"), error.Message);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, too late for assertions).</summary>
    private sealed class SyncProgress(List<int> values, Action<int>? then = null) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (values) values.Add(value);
            then?.Invoke(value);
        }
    }
}
