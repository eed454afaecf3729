using System.Runtime.Versioning;
using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>`wms data add` writes what `dvc add` writes: the .dvc file, cache objects (read-only), the .gitignore entry.</summary>
[UnsupportedOSPlatform("windows")] // cache objects are read-only files (0444), a Unix mode
public sealed class DvcAddTests
{
    [Fact]
    public void Adding_the_test_vector_folder_writes_dvc3_files_and_fills_the_cache()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();

        var result = ws.Add();

        Assert.Equal("""
            outs:
            - md5: da9096dcad8f33a165151d4009157d17.dir
              size: 9
              nfiles: 2
              hash: md5
              path: images

            """, File.ReadAllText(Path.Combine(ws.RepoRoot, "data", "images.dvc")));
        Assert.Equal(2, result.FilesCached);
        var cache = Path.Combine(ws.RepoRoot, ".dvc", "cache", "files", "md5");
        Assert.Equal("abc", File.ReadAllText(Path.Combine(cache, "90", "0150983cd24fb0d6963f7d28e17f72")));
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(cache, "b1", "946ac92492d2347c6235b4d2611184")));
        var dir = Path.Combine(cache, "da", "9096dcad8f33a165151d4009157d17.dir");
        Assert.Equal("""[{"md5": "900150983cd24fb0d6963f7d28e17f72", "relpath": "a.jpg"}, {"md5": "b1946ac92492d2347c6235b4d2611184", "relpath": "sub/b.png"}]""",
            File.ReadAllText(dir));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(dir));
        Assert.Equal("/images\n", File.ReadAllText(Path.Combine(ws.RepoRoot, "data", ".gitignore")));
    }

    [Fact]
    public void Adding_again_after_a_change_updates_the_record_and_caches_only_new_objects()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        ws.Add();
        ws.Write("c.jpg", "new photo");

        var result = ws.Add();

        Assert.Equal(1, result.FilesCached);
        Assert.Equal(2, result.FilesAlreadyCached);
        Assert.Equal(3, result.Out.NFiles);
        Assert.Equal("/images\n", File.ReadAllText(Path.Combine(ws.RepoRoot, "data", ".gitignore")));
    }

    [Fact]
    public void Dvcignore_patterns_are_left_out_of_the_manifest()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        ws.Write(".DS_Store", "finder junk");
        File.AppendAllText(Path.Combine(ws.RepoRoot, ".dvcignore"), ".DS_Store\n");
        ws.Reload();

        Assert.Equal("da9096dcad8f33a165151d4009157d17.dir", ws.Add().Out.Oid);
    }

    [Fact]
    public void A_path_outside_the_repository_is_refused()
    {
        using var ws = new DvcWorkspace();
        var error = Assert.Throws<WmsException>(() => DvcAdd.Add(ws.Repository, ws.RemoteFolder, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("not inside the DVC repository", error.Message);
    }
}
