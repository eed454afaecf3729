using System.Text.Json.Nodes;
using Xunit;

namespace Wms.Cli.Tests.Registry;

public sealed class PromoteCommandTests : IDisposable
{
    private readonly RegistryWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Promoting_a_run_makes_it_production_and_a_repeat_changes_nothing()
    {
        var run = await _ws.SeedRunAsync(0.78, 0.66);
        var first = await _ws.JsonAsync("promote", "--run", run.RunId, "--reason", "first model");
        Assert.True(first["changed"]!.GetValue<bool>());
        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.Equal("Production", first["stage"]!.GetValue<string>());
        Assert.Equal("production", first["aliases"]![0]!.GetValue<string>());
        Assert.Equal("ci-bot", first["promoted_by"]!.GetValue<string>());
        Assert.Equal("first model", first["reason"]!.GetValue<string>());
        Assert.Equal(0.78, first["dice"]!.GetValue<double>());

        var again = await _ws.RunAsync("promote", "--run", run.RunId);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("nothing changed", again.Stderr);
        Assert.Single(await _ws.Store.ListModelVersionsAsync("water-meter-segmentation", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_second_run_archives_the_first_and_the_record_files_follow()
    {
        var run1 = await _ws.SeedRunAsync(0.71, 0.61);
        var run2 = await _ws.SeedRunAsync(0.79, 0.67);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync("promote", "--run", run1.RunId, "--record-dir", "records")).ExitCode);
        var second = await _ws.RunAsync("promote", "--run", run2.RunId, "--record-dir", "records", "--reason", "better on both");
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("version 1 archived", second.Stderr);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync("promote", "--run", run2.RunId, "--record-dir", "records")).ExitCode);

        var current = JsonNode.Parse(File.ReadAllText(Path.Combine(_ws.Root, "records", "production_current.json")))!;
        Assert.Equal((2, run2.RunId, 1), (current["version"]!.GetValue<int>(), current["run_id"]!.GetValue<string>(), current["previous_version"]!.GetValue<int>()));
        Assert.Equal("better on both", current["reason"]!.GetValue<string>());
        var history = File.ReadAllLines(Path.Combine(_ws.Root, "records", "production_history.jsonl"));
        Assert.Equal([1, 2], history.Select(l => JsonNode.Parse(l)!["version"]!.GetValue<int>()));

        var versions = await _ws.Store.ListModelVersionsAsync("water-meter-segmentation", TestContext.Current.CancellationToken);
        Assert.Equal(["production", "previous"], versions.Select(v => string.Join(',', v.Aliases)));
    }

    [Fact]
    public async Task A_record_dir_that_cannot_be_written_stops_the_promotion_before_the_registry_changes()
    {
        var run = await _ws.SeedRunAsync(0.78, 0.66);
        File.WriteAllText(Path.Combine(_ws.Root, "rec"), "a file in the way");

        var blocked = await _ws.RunAsync("promote", "--run", run.RunId, "--record-dir", "rec");

        Assert.Equal(ExitCodes.Conflict, blocked.ExitCode);
        Assert.Contains($"{Path.Combine(_ws.Root, "rec")}: a file, not a folder for production_current.json and production_history.jsonl", blocked.Stderr);
        Assert.Empty(await _ws.Store.ListModelVersionsAsync("water-meter-segmentation", TestContext.Current.CancellationToken));

        // The same promotion with a usable folder then writes both records.
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync("promote", "--run", run.RunId, "--record-dir", "records")).ExitCode);
        Assert.Single(File.ReadAllLines(Path.Combine(_ws.Root, "records", "production_history.jsonl")));
    }

    [Fact]
    public async Task An_unknown_run_or_a_run_without_model_is_not_found()
    {
        var unknown = await _ws.RunAsync("promote", "--run", "0123456789abcdef0123456789abcdef");
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("0123456789abcdef0123456789abcdef not found", unknown.Stderr);

        var noModel = await _ws.SeedRunAsync(0.8, 0.7, withModel: false);
        var result = await _ws.RunAsync("promote", "--run", noModel.RunId);
        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("no model artifact", result.Stderr);
        Assert.Empty(await _ws.Store.ListModelVersionsAsync("water-meter-segmentation", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_run_option_is_required()
    {
        var result = await _ws.RunAsync("promote");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("--run", result.Stderr);
    }
}
