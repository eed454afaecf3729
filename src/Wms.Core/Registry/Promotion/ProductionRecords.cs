using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wms.Core.Tracking;

namespace Wms.Core.Registry.Promotion;

/// <summary>
/// Writes <c>production_current.json</c> and appends to <c>production_history.jsonl</c> (the files
/// the original kept in git). Both are replaced through a temporary file and a rename, under a lock
/// file, so a crash or a concurrent promotion never leaves a torn or half-written file.
/// </summary>
public static class ProductionRecords
{
    /// <summary>The current-model file name.</summary>
    public const string CurrentFile = "production_current.json";

    /// <summary>The history file name.</summary>
    public const string HistoryFile = "production_history.jsonl";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Indented = new(PromotionJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The record of <paramref name="version"/> (with its run's latest metrics and params).</summary>
    public static ProductionRecord Describe(ModelVersion version, Run? run, int? previousVersion) => new(
        version.Name, version.Version, version.RunId, run?.Info.RunName, RegistryText.Stage(version.Stage), version.Aliases, version.Source,
        PromotionTags.Iso(version.CreatedAt), Tag(version, PromotionTags.PromotedAt), Tag(version, PromotionTags.PromotedBy),
        Tag(version, PromotionTags.PromotedFrom), Tag(version, PromotionTags.Reason), previousVersion,
        run is null ? null : PromotionTags.Iso(run.Info.StartTime), run?.Info.EndTime is { } end ? PromotionTags.Iso(end) : null,
        run?.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value.Value) ?? new Dictionary<string, double>(),
        run?.Params.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, string>());

    /// <summary>
    /// Fails, naming the folder, when records could not be written to <paramref name="directory"/>
    /// (a file is in the way, no permission): checked before a promotion, so the registry is never
    /// changed with its record left unwritten.
    /// </summary>
    public static void CheckWritable(string directory)
    {
        if (File.Exists(directory))
            throw new WmsException($"{directory}: a file, not a folder for {CurrentFile} and {HistoryFile}", WmsErrorKind.Conflict);
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".wms-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{directory}: cannot write the production records there ({e.Message})", WmsErrorKind.InvalidInput, e);
        }
    }

    /// <summary>
    /// Records an outcome in <paramref name="directory"/>: rewrites the current file when its content
    /// differs, and appends a history line when the outcome changed something. Archiving the
    /// Production model (--force) leaves the current file as it was and only adds the history line.
    /// </summary>
    public static async Task WriteAsync(string directory, PromotionOutcome outcome, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var current = Path.Combine(directory, CurrentFile);
        var history = Path.Combine(directory, HistoryFile);
        using var fileLock = await AcquireLockAsync(LockPath(directory), cancellationToken);

        if (outcome.Kind != "archive" && (outcome.Changed || !File.Exists(current)))
        {
            var text = JsonSerializer.Serialize(Describe(outcome.Version, outcome.Run, outcome.Previous?.Version), Indented.GetTypeInfo(typeof(ProductionRecord))) + "\n";
            if (!File.Exists(current) || await File.ReadAllTextAsync(current, cancellationToken) != text)
                await WriteTextAtomicAsync(current, text, cancellationToken);
        }
        if (!outcome.Changed) return;

        var version = outcome.Version;
        var entry = new ProductionHistoryEntry(
            outcome.Kind == "archive" ? Tag(version, PromotionTags.ArchivedAt) ?? PromotionTags.Iso(version.UpdatedAt) : Tag(version, PromotionTags.PromotedAt) ?? PromotionTags.Iso(version.UpdatedAt),
            outcome.Kind, version.Name, version.Version, version.RunId, outcome.Previous?.Version,
            Tag(version, outcome.Kind == "archive" ? PromotionTags.ArchivedBy : PromotionTags.PromotedBy),
            Tag(version, PromotionTags.PromotedFrom),
            Tag(version, outcome.Kind == "archive" ? PromotionTags.ArchiveReason : PromotionTags.Reason),
            outcome.Run?.GetMetric(ModelMetrics.Dice), outcome.Run?.GetMetric(ModelMetrics.Iou));
        var line = JsonSerializer.Serialize(entry, PromotionJsonContext.Default.ProductionHistoryEntry) + "\n";
        var existing = File.Exists(history) ? await File.ReadAllTextAsync(history, cancellationToken) : "";
        if (existing.Length > 0 && !existing.EndsWith('\n')) existing += "\n";
        await WriteTextAtomicAsync(history, existing + line, cancellationToken);
    }

    private static string? Tag(ModelVersion version, string key) => version.Tags.TryGetValue(key, out var value) ? value : null;

    private static async Task WriteTextAtomicAsync(string path, string text, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        await LocalFiles.WriteAtomicAsync(content, path, cancellationToken);
    }

    /// <summary>
    /// A lock file per record folder, kept in the temp folder so the (git-tracked) record folder stays
    /// clean, and never deleted: deleting a lock file lets two processes lock two different files.
    /// </summary>
    private static string LockPath(string directory)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory))));
        return Path.Combine(Path.GetTempPath(), $"wms-production-records-{hash[..16]}.lock");
    }

    /// <summary>An exclusive lock (FileShare.None is enforced between processes on Linux too, with flock).</summary>
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (IOException e)
            {
                throw new WmsException($"{path} stayed locked for {LockTimeout.TotalSeconds:0} s by another promotion", WmsErrorKind.Conflict, e);
            }
        }
    }
}
