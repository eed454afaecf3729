using System.Text.Json.Nodes;
using Wms.Core.Synthetic;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Predict;

/// <summary>A temp workspace with an embedded registry (.wms) seeded through its API, generated photos, and `wms` run in-process.</summary>
public sealed class PredictWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new("wms-predict");

    public PredictWorkspace() => Store = new SqliteTrackingStore(System.IO.Path.Combine(_temp.Path, ".wms"));

    public string Root => _temp.Path;

    public SqliteTrackingStore Store { get; }

    public Dictionary<string, string?> Settings { get; } = [];

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Registers a model folder in the workspace's embedded store, see <see cref="RegistrySeed"/>.</summary>
    public Task<(string RunId, int Version)> RegisterAsync(string modelFolder, double dice, double iou, bool promote = true) =>
        RegistrySeed.RegisterAsync(Store, modelFolder, dice, iou, promote);

    /// <summary>Synthetic meter photos (JPEG) as <c>folder/STEM.jpg</c>; returns their paths.</summary>
    public IReadOnlyList<string> WritePhotos(string folder, int count, int seed = 5)
    {
        Directory.CreateDirectory(Combine(folder));
        var options = new SyntheticOptions { MinSize = 160, MaxSize = 240 };
        return Enumerable.Range(0, count).Select(i =>
        {
            var sample = SyntheticMeters.Render(seed, i, options);
            var path = Combine(folder, sample.Stem + ".jpg");
            File.WriteAllBytes(path, sample.EncodePhoto());
            return path;
        }).ToList();
    }

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Root, args, Settings);

    /// <summary>Runs with --format json and returns the exit code and the one JSON document.</summary>
    public async Task<(CliResult Result, JsonNode Json)> JsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--format", "json"]);
        var json = JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException("no JSON on stdout\n" + result);
        return (result, json);
    }

    public async Task<JsonNode> PulledAsync(params string[] args)
    {
        var (result, json) = await JsonAsync(["model", "pull", .. args]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        return json;
    }

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
