using System.Text.Json;
using Amazon.S3;
using Wms.Core.Dvc;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Data;

/// <summary>`wms data init|add|push|pull|status` end to end, on a local-folder remote and on s3rver.</summary>
public sealed class DataVersioningCommandTests
{
    [Fact]
    public async Task Init_add_push_pull_status_round_trip_through_a_local_remote()
    {
        using var temp = new TempDirectory();
        var repo = temp.Combine("repo");
        Directory.CreateDirectory(repo);
        DataValidateCommandTests.WritePairs(Path.Combine(repo, "data"), 3);

        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync(repo, "data", "init", "--remote", "storage", "--url", "../remote")).ExitCode);
        Assert.Equal("[core]\n    remote = storage\n['remote \"storage\"']\n    url = ../../remote\n", File.ReadAllText(Path.Combine(repo, ".dvc", "config")));
        Assert.Equal("/config.local\n/tmp\n/cache\n", File.ReadAllText(Path.Combine(repo, ".dvc", ".gitignore")));

        var add = await CliRunner.RunAsync(repo, "data", "add", "data/images", "data/masks", "--format", "json");
        Assert.Equal(ExitCodes.Success, add.ExitCode);
        using (var json = JsonDocument.Parse(add.Stdout))
        {
            Assert.Equal(["data/images.dvc", "data/masks.dvc"], json.RootElement.EnumerateArray().Select(e => e.GetProperty("dvc_file").GetString()));
            Assert.All(json.RootElement.EnumerateArray(), e => Assert.EndsWith(".dir", e.GetProperty("md5").GetString()));
        }

        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync(repo, "data", "push")).ExitCode);
        Assert.True(Directory.Exists(temp.Combine("remote", "files", "md5")));
        var before = Directory.GetFiles(Path.Combine(repo, "data", "images")).Select(File.ReadAllBytes).ToList();

        Directory.Delete(Path.Combine(repo, "data", "images"), recursive: true);
        Directory.Delete(Path.Combine(repo, ".dvc", "cache"), recursive: true);
        var status = await CliRunner.RunAsync(repo, "data", "status", "--cloud", "--format", "json");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            var images = json.RootElement.GetProperty("outputs")[0];
            Assert.Equal("deleted", images.GetProperty("workspace").GetString());
            Assert.Equal(4, images.GetProperty("remote").GetProperty("deleted").GetInt32()); // 3 photos + .dir, only on the remote
        }

        var pull = await CliRunner.RunAsync(repo, "data", "pull", "data/images.dvc");
        Assert.Equal(ExitCodes.Success, pull.ExitCode);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(repo, "data", "images")).Select(File.ReadAllBytes).ToList());
        var clean = await CliRunner.RunAsync(repo, "data", "status");
        Assert.Contains("data/images (data/images.dvc): up to date", clean.Stdout);
    }

    [Fact]
    public async Task Status_names_new_modified_and_deleted_files()
    {
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("data"), 3);
        await CliRunner.RunAsync(temp.Path, "data", "init");
        await CliRunner.RunAsync(temp.Path, "data", "add", "data/images");
        File.WriteAllText(temp.Combine("data", "images", "new.jpg"), "x");
        File.WriteAllText(temp.Combine("data", "images", "p0.jpg"), "changed");
        File.Delete(temp.Combine("data", "images", "p1.jpg"));

        var status = await CliRunner.RunAsync(temp.Path, "data", "status");

        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains("modified: 1 new, 1 modified, 1 deleted file(s)", status.Stdout);
        Assert.Contains("new:      new.jpg", status.Stdout);
        Assert.Contains("modified: p0.jpg", status.Stdout);
        Assert.Contains("deleted:  p1.jpg", status.Stdout);
    }

    [Fact]
    public async Task Push_and_pull_through_s3_with_secrets_in_config_local()
    {
        var endpoint = S3TestServer.Require();
        var bucket = S3TestServer.NewBucketName();
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("data"), 2);
        await CliRunner.RunAsync(temp.Path, "data", "init", "--remote", "s3remote", "--url", $"s3://{bucket}/dvc");
        File.AppendAllText(temp.Combine(".dvc", "config"), $"    endpointurl = {endpoint}\n");
        File.WriteAllText(temp.Combine(".dvc", "config.local"),
            $"['remote \"s3remote\"']\n    access_key_id = {S3TestServer.AccessKey}\n    secret_access_key = {S3TestServer.SecretKey}\n");
        var repository = DvcRepository.Find(temp.Path);
        using (var client = Wms.Core.Dvc.Storage.S3ClientFactory.Create(repository.Config.GetRemote(null)))
            await client.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
        await CliRunner.RunAsync(temp.Path, "data", "add", "data/masks");

        var push = await CliRunner.RunAsync(temp.Path, "data", "push", "--format", "json");
        Assert.True(push.ExitCode == ExitCodes.Success, push.ToString());
        using (var json = JsonDocument.Parse(push.Stdout))
            Assert.Equal(3, json.RootElement.GetProperty("result").GetProperty("transferred").GetInt32());

        Directory.Delete(temp.Combine("data", "masks"), recursive: true);
        Directory.Delete(temp.Combine(".dvc", "cache"), recursive: true);
        var pull = await CliRunner.RunAsync(temp.Path, "data", "pull");
        Assert.True(pull.ExitCode == ExitCodes.Success, pull.ToString());
        Assert.Equal(2, Directory.GetFiles(temp.Combine("data", "masks")).Length);
    }

    [Fact]
    public async Task An_unreachable_remote_is_dependency_unavailable_and_an_unknown_one_not_found()
    {
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("data"), 1);
        await CliRunner.RunAsync(temp.Path, "data", "init", "--remote", "s3", "--url", "s3://bucket/dvc");
        File.AppendAllText(temp.Combine(".dvc", "config"), "    endpointurl = http://127.0.0.1:9\n    access_key_id = a\n    secret_access_key = b\n    connect_timeout = 2\n");
        await CliRunner.RunAsync(temp.Path, "data", "add", "data/images");

        var unreachable = await CliRunner.RunAsync(temp.Path, "data", "push");
        var unknown = await CliRunner.RunAsync(temp.Path, "data", "push", "--remote", "nope");

        Assert.Equal(ExitCodes.DependencyUnavailable, unreachable.ExitCode);
        Assert.Contains("s3://bucket/dvc", unreachable.Stderr);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("'nope'", unknown.Stderr);
    }

    [Fact]
    public async Task Outside_a_dvc_repository_add_says_what_to_do()
    {
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("data"), 1);

        var result = await CliRunner.RunAsync(temp.Path, "data", "add", "data/images");

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("wms data init", result.Stderr);
    }
}
