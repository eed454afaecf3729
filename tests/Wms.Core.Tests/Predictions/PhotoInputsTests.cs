using Wms.Core.Predictions;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Predictions;

public sealed class PhotoInputsTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-photo-inputs");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_gives_its_photos_in_name_order_and_lists_everything_else_as_skipped()
    {
        Touch("in/b.JPG", "in/a.png", "in/c.jpeg", "in/notes.txt", "in/.DS_Store", "in/sub/d.jpg");

        var selection = PhotoInputs.Collect(["in"], new Workspace(_temp.Path), _temp.Combine("out"));

        Assert.Equal(["in/a.png", "in/b.JPG", "in/c.jpeg"], selection.Photos.Select(p => p.Name));
        Assert.Equal(["a", "b", "c"], selection.Photos.Select(p => p.OutputStem));
        Assert.Equal(_temp.Combine("in", "a.png"), selection.Photos[0].Path);
        Assert.Equal(["in/.DS_Store", "in/notes.txt", "in/sub"], selection.Skipped.Select(s => s.File));
        Assert.Contains("folder", selection.Skipped[2].Reason);
    }

    [Fact]
    public void Named_files_are_taken_whatever_their_extension_and_only_once()
    {
        Touch("in/a.jpg", "in/scan.webp");

        var selection = PhotoInputs.Collect(["in/scan.webp", "in", _temp.Combine("in", "a.jpg")], new Workspace(_temp.Path), _temp.Combine("out"));

        Assert.Equal(["in/scan.webp", "in/a.jpg"], selection.Photos.Select(p => p.Name));
        Assert.Equal("in/scan.webp", Assert.Single(selection.Skipped).File);
    }

    [Fact]
    public void Earlier_outputs_are_skipped_when_the_output_folder_is_also_the_input()
    {
        Touch("in/a.jpg", "in/mask_a.png", "in/overlay_a.jpg");

        var selection = PhotoInputs.Collect(["in"], new Workspace(_temp.Path), _temp.Combine("in"));

        Assert.Equal("in/a.jpg", Assert.Single(selection.Photos).Name);
        Assert.All(selection.Skipped, s => Assert.Contains("output of wms predict", s.Reason));
    }

    [Fact]
    public void A_path_that_does_not_exist_is_not_found()
    {
        var e = Assert.Throws<WmsException>(() => PhotoInputs.Collect(["nowhere"], new Workspace(_temp.Path), _temp.Combine("out")));
        Assert.Equal(WmsErrorKind.NotFound, e.Kind);
        Assert.Contains("nowhere", e.Message);
    }

    [Fact]
    public void Photos_outside_the_workspace_are_named_by_their_full_path()
    {
        using var elsewhere = new TempDirectory("wms-elsewhere");
        File.WriteAllBytes(elsewhere.Combine("p.jpg"), [1]);

        var selection = PhotoInputs.Collect([elsewhere.Path], new Workspace(_temp.Path), _temp.Combine("out"));

        Assert.Equal(elsewhere.Combine("p.jpg"), Assert.Single(selection.Photos).Name);
    }

    private void Touch(params string[] paths)
    {
        foreach (var path in paths)
        {
            var full = _temp.Combine(path.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, [1]);
        }
    }
}
