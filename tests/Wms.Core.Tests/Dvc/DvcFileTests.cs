using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>.dvc files byte for byte as DVC 3 writes them (ECOSYSTEM.md §a.1), and DVC 2 ones read.</summary>
public sealed class DvcFileTests
{
    private const string OriginalImagesDvc = """
        outs:
        - md5: 05175fbe1d9f92f53e989d0a702a19b6.dir
          size: 89956637
          nfiles: 359
          hash: md5
          path: images

        """;

    [Fact]
    public void The_original_images_dvc_round_trips_byte_for_byte()
    {
        var file = DvcFile.Parse(OriginalImagesDvc, "images.dvc");

        var output = Assert.Single(file.Outs);
        Assert.Equal("05175fbe1d9f92f53e989d0a702a19b6.dir", output.Oid);
        Assert.Equal(89956637, output.Size);
        Assert.Equal(359, output.NFiles);
        Assert.Equal(DvcHashName.Md5, output.HashName);
        Assert.True(output.IsDirectory);
        Assert.Equal(OriginalImagesDvc, file.ToYaml());
    }

    [Fact]
    public void A_file_without_hash_is_dvc2_and_stays_dvc2()
    {
        const string dvc2 = """
            outs:
            - md5: 900150983cd24fb0d6963f7d28e17f72
              size: 3
              path: model.pth

            """;
        var output = Assert.Single(DvcFile.Parse(dvc2, "model.pth.dvc").Outs);

        Assert.Equal(DvcHashName.Md5Dos2Unix, output.HashName);
        Assert.False(output.IsDirectory);
        Assert.Equal(dvc2, DvcFile.Parse(dvc2, "x").ToYaml());
    }

    [Fact]
    public void Other_keys_are_kept_after_path_and_odd_paths_are_quoted()
    {
        const string text = """
            outs:
            - md5: 900150983cd24fb0d6963f7d28e17f72
              size: 3
              isexec: true
              hash: md5
              path: 'true'
              cache: false
              remote: 'my: remote'

            """;
        var file = DvcFile.Parse(text, "x.dvc");

        Assert.Equal("true", file.Outs[0].Path);
        Assert.True(file.Outs[0].IsExec);
        Assert.Equal(text, file.ToYaml());
    }

    [Theory]
    [InlineData("outs: [", "invalid YAML")]
    [InlineData("md5: abc", "no 'outs' list")]
    [InlineData("outs:\n- md5: 900150983cd24fb0d6963f7d28e17f72\n", "no 'path'")]
    [InlineData("outs:\n- md5: xyz\n  path: a\n", "invalid md5")]
    [InlineData("outs:\n- md5: 900150983cd24fb0d6963f7d28e17f72\n  hash: sha256\n  path: a\n", "unsupported hash")]
    public void Bad_files_are_refused_with_the_file_name(string text, string expected)
    {
        var error = Assert.Throws<WmsException>(() => DvcFile.Parse(text, "data/images.dvc"));
        Assert.Contains("data/images.dvc", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
