using System.Text.Json.Nodes;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Registry;

/// <summary>A temp workspace whose embedded store (.wms) the test seeds through the interface, and `wms` runs against.</summary>
public sealed class RegistryWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new("wms-cli-registry");

    public RegistryWorkspace() => Store = new SqliteTrackingStore(System.IO.Path.Combine(_temp.Path, ".wms"));

    public string Root => _temp.Path;
    public SqliteTrackingStore Store { get; }

    public Dictionary<string, string?> Settings { get; } = new() { ["GITHUB_ACTOR"] = "ci-bot" };

    public Task<RunInfo> SeedRunAsync(double dice, double iou, bool withModel = true, IReadOnlyDictionary<string, string>? parameters = null) =>
        TrackingSeed.RunWithModelAsync(Store, RegistryNames.ModelName, dice, iou, withModel: withModel, parameters: parameters);

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Root, args, Settings);

    /// <summary>Runs with --format json, expects success and returns the one JSON document.</summary>
    public async Task<JsonNode> JsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--format", "json"]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        return JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException("no JSON on stdout");
    }

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
