using System.Text.Json.Nodes;
using Xunit;

namespace Wms.Cli.Tests.Registry;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly RegistryWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private async Task<(string Run1, string Run2)> TwoPromotedRunsAsync()
    {
        var run1 = await _ws.SeedRunAsync(0.71, 0.61);
        var run2 = await _ws.SeedRunAsync(0.86, 0.75);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync("promote", "--run", run1.RunId)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync("promote", "--run", run2.RunId)).ExitCode);
        return (run1.RunId, run2.RunId);
    }

    [Fact]
    public async Task List_shows_every_version_with_stage_aliases_and_scores()
    {
        Assert.Contains("no versions yet", (await _ws.RunAsync("models", "list")).Stderr);
        var (run1, _) = await TwoPromotedRunsAsync();

        var table = await _ws.RunAsync("models", "list");
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Production", table.Stdout);
        Assert.Contains("0.8600", table.Stdout);
        Assert.Contains("previous", table.Stdout);

        var json = await _ws.JsonAsync("models", "list");
        var versions = json["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(["Production", "Archived"], versions.Select(v => v!["stage"]!.GetValue<string>()));
        Assert.Equal(0.61, versions[1]!["iou"]!.GetValue<double>());
        Assert.Equal(run1, versions[1]!["run_id"]!.GetValue<string>());
        Assert.NotNull(versions[0]!["created_at"]);
    }

    [Fact]
    public async Task Show_finds_a_version_by_number_or_alias_and_reports_unknown_ones()
    {
        var (run1, run2) = await TwoPromotedRunsAsync();
        var byAlias = await _ws.JsonAsync("models", "show", "production");
        Assert.Equal((2, run2), (byAlias["version"]!.GetValue<int>(), byAlias["run_id"]!.GetValue<string>()));
        Assert.Equal("EXCELLENT", byAlias["rating"]!.GetValue<string>());
        Assert.Equal("3", byAlias["params"]!["epochs"]!.GetValue<string>());
        Assert.Equal("ci-bot", byAlias["tags"]!["wms.promoted_by"]!.GetValue<string>());
        Assert.Equal(run1, (await _ws.JsonAsync("models", "show", "previous"))["run_id"]!.GetValue<string>());
        Assert.Contains("Archived", (await _ws.RunAsync("models", "show", "1")).Stdout);

        foreach (var missing in new[] { "9", "champion" })
        {
            var result = await _ws.RunAsync("models", "show", missing);
            Assert.Equal(ExitCodes.NotFound, result.ExitCode);
            Assert.Contains(missing, result.Stderr);
        }
    }

    [Fact]
    public async Task Rollback_goes_back_and_forth_and_explains_when_there_is_nothing()
    {
        var first = await _ws.SeedRunAsync(0.71, 0.61);
        await _ws.RunAsync("promote", "--run", first.RunId);
        var nothing = await _ws.RunAsync("models", "rollback");
        Assert.Equal(ExitCodes.NotFound, nothing.ExitCode);
        Assert.Contains("nothing to roll back to", nothing.Stderr);

        var second = await _ws.SeedRunAsync(0.75, 0.64);
        await _ws.RunAsync("promote", "--run", second.RunId);
        var back = await _ws.JsonAsync("models", "rollback", "--reason", "v2 misreads", "--record-dir", "records");
        Assert.Equal((1, 2, "rollback"), (back["version"]!.GetValue<int>(), back["previous_version"]!.GetValue<int>(), back["action"]!.GetValue<string>()));
        Assert.Equal("v2 misreads", back["reason"]!.GetValue<string>());
        Assert.Contains("\"event\":\"rollback\"", File.ReadAllText(Path.Combine(_ws.Root, "records", "production_history.jsonl")));

        Assert.Equal(2, (await _ws.JsonAsync("models", "rollback"))["version"]!.GetValue<int>());
        Assert.Equal(2, (await _ws.JsonAsync("metrics"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Promote_and_archive_work_on_existing_versions()
    {
        await TwoPromotedRunsAsync();
        var promoted = await _ws.JsonAsync("models", "promote", "1", "--reason", "manual");
        Assert.True(promoted["changed"]!.GetValue<bool>());
        Assert.False((await _ws.JsonAsync("models", "promote", "1"))["changed"]!.GetValue<bool>());
        Assert.Equal(ExitCodes.NotFound, (await _ws.RunAsync("models", "promote", "7")).ExitCode);

        var refused = await _ws.RunAsync("models", "archive", "production");
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal("Archived", (await _ws.JsonAsync("models", "archive", "2"))["stage"]!.GetValue<string>());
        var forced = await _ws.JsonAsync("models", "archive", "1", "--force");
        Assert.Equal("Archived", forced["stage"]!.GetValue<string>());
        Assert.Equal(ExitCodes.NotFound, (await _ws.RunAsync("metrics")).ExitCode);
    }
}
