using System.Diagnostics;
using Wms.Core;
using Wms.Training.Configuration;
using Wms.Training.Data;
using Wms.Training.Evaluation;
using Wms.Training.Model;

namespace Wms.Training.Runs;

/// <summary>
/// A whole training run, as <c>wms train</c> and <c>wms demo</c> do it: check and load the data
/// (all of it, before anything is written), split it, train, test, and write the run folder
/// (weights, train.log, config.yaml, plots, metrics.json last) under <c>&lt;out&gt;.partial</c>, renamed to
/// <c>&lt;out&gt;</c> only when complete. Observers see every step.
/// </summary>
public sealed class TrainingRun(TimeProvider time)
{
    public TrainingRun() : this(TimeProvider.System) { }

    /// <summary>
    /// The weights to start from, read once: they must be U-Net weights of the configured depth and
    /// width, or the run would fail only after loading the data.
    /// </summary>
    private static UNet OpenInitialWeights(string path, TrainingOptions options)
    {
        var model = Checkpoints.Open(path);
        var problem =
            model.Depth != options.Depth ? $"{path}: weights of a U-Net of depth {model.Depth}, but model.depth is {options.Depth} (set model.depth: {model.Depth} to start from them)" :
            model.BaseFilters != options.BaseFilters ? $"{path}: weights of a U-Net {model.BaseFilters} channels wide, but model.base_filters is {options.BaseFilters} (set model.base_filters: {model.BaseFilters} to start from them)" :
            null;
        if (problem is null) return model;
        model.Dispose();
        throw new WmsException(problem);
    }

    public async Task<TrainingOutcome> RunAsync(TrainingRequest request, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (options.FindProblem() is var (key, problem))
            throw new WmsException($"{key}: {problem}");
        var output = Path.GetFullPath(request.OutputDirectory);
        var partial = RunFolder.PartialOf(output);
        CheckOutputIsFree(output, partial);
        // Bad starting weights fail here, naming the file, before any data is read or anything written.
        using var initial = options.InitialWeights is { } initialPath ? OpenInitialWeights(initialPath, options) : null;

        // Everything that can be wrong with the data shows up here, before the run folder exists.
        var loadClock = Stopwatch.StartNew();
        var pairs = DatasetFolder.Scan(request.DataDirectory);
        var split = DatasetSplit.Create(pairs.Select(p => p.Stem), options.Split, options.Seed);
        var (data, samples) = await Task.Run(() => Load(pairs, split, options.ImageSize, observer, cancellationToken), cancellationToken);
        data = data with { TestMasks = await Task.Run(() => EvaluationMasks.Load(pairs, split.Test, options.TestMaskSize, options.ImageSize), cancellationToken) };
        var dataLoading = loadClock.Elapsed;

        Directory.CreateDirectory(partial);
        using var log = new LogFile(Path.Combine(partial, RunFolder.LogFileName), time);
        var logObserver = new TrainingLogObserver(log);
        var all = new CompositeObserver([logObserver, observer]);
        var batches = (data.Train.Count + options.BatchSize - 1) / options.BatchSize;
        var started = new TrainingStarted(options, Path.GetFullPath(request.DataDirectory), split, batches, partial, output, time.GetUtcNow());
        TrainingOutcome outcome;
        try
        {
            File.WriteAllText(Path.Combine(partial, RunFolder.ConfigFileName), TrainingConfigFile.Write(options));
            all.OnRunStarted(started);
            var result = await RunOnTrainingThread(() => new Trainer(options).Train(data, initial, partial, all, cancellationToken));
            var status = result.StopReason == StopReason.Cancelled ? TrainingStatus.Cancelled : TrainingStatus.Completed;
            logObserver.OnTrained(result, partial);

            var plots = RunPlots.Write(partial, result, options.Loss, samples);
            var finished = time.GetUtcNow();
            var metrics = RunMetricsBuilder.Build(started, result, status, pairs.Count, request.ConfigFile, finished, dataLoading, plots);
            RunMetricsFile.Write(Path.Combine(partial, RunFolder.MetricsFileName), metrics);
            log.Dispose();

            var directory = partial;
            if (status == TrainingStatus.Completed)
            {
                Directory.Move(partial, output);
                directory = output;
            }
            outcome = new TrainingOutcome(status, directory, started, result, finished, dataLoading);
        }
        catch (Exception e)
        {
            all.OnFailed(e);
            // Failed before any weights were saved (e.g. the tracker refused the run): nothing in the
            // folder is worth keeping, and a leftover .partial would block the same --out next time.
            if (!File.Exists(Path.Combine(partial, Checkpoints.NativeFileName)))
            {
                log.Dispose();
                AtomicFile.TryDeleteDirectory(partial);
            }
            throw;
        }
        observer.OnCompleted(outcome);
        return outcome;
    }

    private static (TrainingData Data, IReadOnlyDictionary<string, CachedSample> Samples) Load(
        IReadOnlyList<SamplePair> pairs, DatasetSplit split, int size, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        // Decoding runs on several threads; observers get the progress one call at a time.
        var gate = new Lock();
        var reported = 0;
        var samples = SampleCache.Load(pairs, size, loaded =>
        {
            lock (gate)
            {
                if (loaded <= reported) return;
                reported = loaded;
                observer.OnDataLoading(loaded, pairs.Count);
            }
        }, cancellationToken);
        var byStem = samples.ToDictionary(s => s.Stem, StringComparer.Ordinal);
        PreparedSample[] Prepare(IReadOnlyList<string> stems)
        {
            var prepared = new PreparedSample[stems.Count];
            Parallel.For(0, stems.Count, i => prepared[i] = byStem[stems[i]].Prepare());
            return prepared;
        }
        return (new TrainingData(split.Train.Select(s => byStem[s]).ToList(), Prepare(split.Validation), Prepare(split.Test)), byStem);
    }

    private static void CheckOutputIsFree(string output, string partial)
    {
        if (Directory.Exists(output) || File.Exists(output))
            throw new WmsException($"{output}: already exists; choose another --out", WmsErrorKind.Conflict);
        if (Directory.Exists(partial))
            throw new WmsException($"{partial}: left by an interrupted run; remove it or choose another --out", WmsErrorKind.Conflict);
    }

    /// <summary>
    /// TorchSharp's dispose scopes and no_grad are per thread, so the whole training runs on one
    /// thread rather than hopping between pool threads at awaits: the process's first thread when
    /// the program lends it (see <see cref="ComputeThread"/>).
    /// </summary>
    private static Task<T> RunOnTrainingThread<T>(Func<T> work) => ComputeThread.RunAsync(work);
}
