using System.Text;
using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>The .dir manifest against ECOSYSTEM.md §a.2: Python's json.dumps(sort_keys=True) bytes and DVC's ids.</summary>
public sealed class DirManifestTests
{
    private const string VectorJson =
        """[{"md5": "900150983cd24fb0d6963f7d28e17f72", "relpath": "a.jpg"}, {"md5": "b1946ac92492d2347c6235b4d2611184", "relpath": "sub/b.png"}]""";

    [Fact]
    public void The_test_vector_serialises_to_the_exact_bytes_and_id()
    {
        // Entries given out of order: the manifest sorts them.
        var manifest = new DirManifest([
            new ManifestEntry("b1946ac92492d2347c6235b4d2611184", "sub/b.png"),
            new ManifestEntry("900150983cd24fb0d6963f7d28e17f72", "a.jpg"),
        ]);

        Assert.Equal(VectorJson, Encoding.UTF8.GetString(manifest.ToBytes()));
        Assert.Equal("da9096dcad8f33a165151d4009157d17.dir", manifest.ComputeOid());
    }

    [Fact]
    public void Non_ascii_names_are_escaped_as_python_does()
    {
        var manifest = new DirManifest([new ManifestEntry("900150983cd24fb0d6963f7d28e17f72", "zdjęcie ü.jpg")]);

        Assert.Equal("""[{"md5": "900150983cd24fb0d6963f7d28e17f72", "relpath": "zdj\u0119cie \u00fc.jpg"}]""",
            Encoding.UTF8.GetString(manifest.ToBytes()));
    }

    [Fact]
    public void Entries_sort_by_code_point_not_by_culture()
    {
        var manifest = new DirManifest([
            new ManifestEntry("900150983cd24fb0d6963f7d28e17f72", "b.jpg"),
            new ManifestEntry("900150983cd24fb0d6963f7d28e17f72", "B.jpg"),
            new ManifestEntry("900150983cd24fb0d6963f7d28e17f72", "a/z.jpg"),
            new ManifestEntry("900150983cd24fb0d6963f7d28e17f72", "a.jpg"),
        ]);

        Assert.Equal(["B.jpg", "a.jpg", "a/z.jpg", "b.jpg"], manifest.Entries.Select(e => e.RelPath));
    }

    [Fact]
    public void Parse_reads_our_bytes_and_dvc2_manifests_with_extra_keys()
    {
        var ours = DirManifest.Parse(Encoding.UTF8.GetBytes(VectorJson), "x.dir");
        Assert.Equal("da9096dcad8f33a165151d4009157d17.dir", ours.ComputeOid());

        // DVC 2 wrote the same keys (md5-dos2unix maps to "md5"); older versions could add more.
        var dvc2 = DirManifest.Parse(Encoding.UTF8.GetBytes(
            """[{"md5":"b1946ac92492d2347c6235b4d2611184","relpath":"sub/b.png","size":6},{"md5":"900150983cd24fb0d6963f7d28e17f72","relpath":"a.jpg"}]"""), "y.dir");
        Assert.Equal(ours.Entries, dvc2.Entries);
    }

    [Theory]
    [InlineData("""[{"md5": "900150983cd24fb0d6963f7d28e17f72", "relpath": "../escape.jpg"}]""", "unsafe path")]
    [InlineData("""[{"md5": "900150983cd24fb0d6963f7d28e17f72", "relpath": "/etc/passwd"}]""", "unsafe path")]
    [InlineData("""[{"md5": "not-a-hash", "relpath": "a.jpg"}]""", "invalid md5")]
    [InlineData("""{"md5": "900150983cd24fb0d6963f7d28e17f72"}""", "JSON list expected")]
    [InlineData("""[{"md5": "900150983cd24fb0d6963f7d28e17f72"}]""", "relpath")]
    [InlineData("[{", "not a DVC directory manifest")]
    public void Parse_refuses_bad_or_unsafe_manifests(string json, string expected)
    {
        var error = Assert.Throws<WmsException>(() => DirManifest.Parse(Encoding.UTF8.GetBytes(json), "remote.dir"));
        Assert.Contains("remote.dir", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
