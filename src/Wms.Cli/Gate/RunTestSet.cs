using System.Globalization;
using System.Text.Json;
using Wms.Core;
using Wms.Core.Evaluation;
using Wms.Core.Tracking;
using Wms.Training;
using Wms.Training.Data;
using Wms.Training.Runs;

namespace Wms.Cli.Gate;

/// <summary>
/// The photos a run was tested on, found again in a data folder: the test stems its
/// <c>metrics.json</c> artifact lists (exact, whatever was added to the folder since), else the
/// split recomputed from its logged seed and ratios (<see cref="DatasetSplit.Create"/>, as
/// <c>wms train</c> made it).
/// </summary>
public sealed record RunTestSet(string DataDirectory, IReadOnlyList<EvaluationPair> Pairs, string Source)
{
    /// <summary>The tag <c>wms train</c> records the (absolute) data folder in.</summary>
    public const string DataDirectoryTag = "wms.data_directory";

    public static async Task<RunTestSet> ResolveAsync(ITrackingStore tracking, Run run, string? dataDirectory, CancellationToken cancellationToken)
    {
        var runId = run.Info.RunId;
        var recorded = await ReadMetricsAsync(tracking, runId, cancellationToken);
        var data = dataDirectory ?? recorded?.DataDirectory ?? run.Tags.GetValueOrDefault(DataDirectoryTag)
            ?? throw new WmsException($"run {runId} does not record its data folder; pass --data DIR");
        if (dataDirectory is null && !Directory.Exists(data))
            throw WmsException.NotFound($"{data}: the data folder run {runId} trained on is not here; pass --data DIR with the same photos");
        var pairs = DatasetFolder.Scan(data).ToDictionary(p => p.Stem, StringComparer.Ordinal);

        IReadOnlyList<string> stems;
        string source;
        if (recorded?.TestStems is { Count: > 0 } listed)
        {
            stems = listed;
            source = $"the {listed.Count} test photos listed in run {runId}'s {RunFolder.MetricsFileName}";
        }
        else
        {
            var seed = Parameter(run, "seed", 42);
            var ratios = new SplitRatios(Parameter(run, "train_split", SplitRatios.Default.Train),
                Parameter(run, "val_split", SplitRatios.Default.Validation), Parameter(run, "test_split", SplitRatios.Default.Test));
            stems = DatasetSplit.Create(pairs.Keys, ratios, seed).Test;
            source = $"the test split recomputed from run {runId}'s seed {seed} and split {ratios.Train:0.##}/{ratios.Validation:0.##}/{ratios.Test:0.##}";
        }
        return new RunTestSet(Path.GetFullPath(data), RecordedPhotos.Find(pairs, stems, data, $"run {runId}'s test photos"), source);
    }

    private static T Parameter<T>(Run run, string key, T fallback) where T : IParsable<T>
    {
        if (!run.Params.TryGetValue(key, out var text)) return fallback;
        return T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : throw new WmsException($"run {run.Info.RunId}: param {key} = '{text}' is not a valid value");
    }

    private sealed record Recorded(string? DataDirectory, IReadOnlyList<string>? TestStems);

    private static async Task<Recorded?> ReadMetricsAsync(ITrackingStore tracking, string runId, CancellationToken cancellationToken)
    {
        if (!(await tracking.ListArtifactsAsync(runId, null, cancellationToken)).Any(a => a.Path == RunFolder.MetricsFileName))
            return null;
        var temp = Directory.CreateTempSubdirectory("wms-gate-metrics-").FullName;
        try
        {
            var file = await tracking.DownloadArtifactsAsync(runId, RunFolder.MetricsFileName, temp, cancellationToken);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            var root = json.RootElement;
            var data = root.TryGetProperty("data_directory", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            IReadOnlyList<string>? test = root.TryGetProperty("split", out var split) && split.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(e => e.GetString()!).ToList()
                : null;
            return new Recorded(data, test);
        }
        catch (JsonException e)
        {
            throw new WmsException($"run {runId}: {RunFolder.MetricsFileName} is not valid JSON ({e.Message})");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
