using Wms.Core.Dvc;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>.dvc/config in the configobj layout DVC writes, merged with config.local.</summary>
public sealed class DvcConfigTests
{
    [Fact]
    public void Reads_the_original_config_and_secrets_from_config_local()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("config"), """
            [core]
                remote = s3remote
            ['remote "s3remote"']
                url = s3://wms-dvc-data-055677744286/dvc
                region = us-east-1
            [remote "backup"]
                url = ../../backup   # a comment
            """);
        File.WriteAllText(temp.Combine("config.local"), """
            ['remote "s3remote"']
                access_key_id = AKIA
                secret_access_key = 'se=cret'
            """);

        var config = DvcConfig.Load(temp.Path);

        Assert.Equal("s3remote", config.DefaultRemote);
        Assert.Equal(["s3remote", "backup"], config.RemoteNames);
        var remote = config.GetRemote(null);
        Assert.True(remote.IsS3);
        Assert.Equal("us-east-1", remote["region"]);
        Assert.Equal("AKIA", remote["access_key_id"]);
        Assert.Equal("se=cret", remote["secret_access_key"]);
        var backup = config.GetRemote("backup");
        Assert.False(backup.IsS3);
        Assert.Equal(Path.GetFullPath(Path.Combine(temp.Path, "../../backup")), backup.LocalPath);
    }

    [Fact]
    public void A_missing_remote_names_the_configured_ones()
    {
        var config = DvcConfig.Parse("['remote \"a\"']\n    url = /x\n", "/repo/.dvc");

        Assert.Contains("no default DVC remote (configured: a)", Assert.Throws<WmsException>(() => config.GetRemote(null)).Message);
        var notFound = Assert.Throws<WmsException>(() => config.GetRemote("b"));
        Assert.Equal(WmsErrorKind.NotFound, notFound.Kind);
        Assert.Contains("'b'", notFound.Message);
    }

    [Fact]
    public void The_config_init_writes_reads_back()
    {
        var config = DvcConfig.Parse(DvcConfig.WithRemote("storage", "s3://bucket/dvc"), "/repo/.dvc");

        Assert.Equal("storage", config.DefaultRemote);
        Assert.Equal("s3://bucket/dvc", config.GetRemote(null).Url);
    }
}
