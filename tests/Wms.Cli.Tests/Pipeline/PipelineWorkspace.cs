using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Wms.Core.Synthetic;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Pipeline;

/// <summary>
/// A temp workspace for `wms pipeline run`: synthetic data sets (`wms data synth`'s generator,
/// seeded), a small training config (64 px, 3 epochs, Adam 1e-3: a pipeline run takes seconds and
/// still learns), and `wms` run in-process on 2 libtorch threads.
/// </summary>
public sealed class PipelineWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new("wms-pipeline");

    public PipelineWorkspace()
    {
        File.WriteAllText(Combine("train.yaml"), "model:\n  input_size: 64\ntraining:\n  epochs: 3\n  learning_rate: 0.001\n");
    }

    public string Root => _temp.Path;

    public Dictionary<string, string?> Settings { get; } = [];

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Writes <paramref name="count"/> synthetic pairs into <paramref name="folder"/>; with <paramref name="mislabeled"/> every mask is in the wrong place.</summary>
    public void Synth(string folder, int count, int seed, bool mislabeled = false) =>
        SyntheticMeters.Generate(Combine(folder), count, seed, new SyntheticOptions { MinSize = 192, MaxSize = 256, MislabeledFraction = mislabeled ? 1 : 0 },
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The pipeline's arguments for new data in <paramref name="newFolder"/>, with the small config.</summary>
    public static string[] Args(string newFolder, params string[] more) =>
        ["pipeline", "run", "--new", newFolder, "--config", "train.yaml", "--threads", "2", .. more];

    public Task<CliResult> RunAsync(string[] args, Action<IServiceCollection>? configure = null) =>
        CliRunner.RunAsync(Root, args, Settings, configure, TestContext.Current.CancellationToken);

    /// <summary>Runs with a token the test cancels itself (Ctrl+C).</summary>
    public Task<CliResult> RunCancellableAsync(string[] args, Action<IServiceCollection> configure, CancellationToken cancellationToken) =>
        CliRunner.RunAsync(Root, args, Settings, configure, cancellationToken);

    /// <summary>Runs with --format json; the exit code and the one JSON document on stdout.</summary>
    public async Task<(CliResult Result, JsonNode Json)> JsonAsync(string[] args, Action<IServiceCollection>? configure = null)
    {
        var result = await RunAsync([.. args, "--format", "json"], configure);
        return (result, JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException("no JSON on stdout\n" + result));
    }

    /// <summary>Photo/mask pairs in a data folder.</summary>
    public int Pairs(string folder) =>
        Directory.GetFiles(Combine(folder, "images")).Select(Path.GetFileNameWithoutExtension)
            .Intersect(Directory.GetFiles(Combine(folder, "masks")).Select(Path.GetFileNameWithoutExtension)).Count();

    /// <summary>Each step's status in a summary, by name.</summary>
    public static Dictionary<string, string> Steps(JsonNode summary) =>
        summary["steps"]!.AsArray().ToDictionary(s => (string)s!["step"]!, s => (string)s!["status"]!);

    public void Dispose() => _temp.Dispose();
}
