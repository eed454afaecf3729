using Wms.Core.DataQuality;
using Wms.Core.Dvc;

namespace Wms.Core.DataSets;

/// <summary>
/// `wms data merge`: brings new photo/mask pairs into a data set, all or nothing. Identical files
/// are skipped; a file whose name (or stem) exists with other content is a conflict unless
/// <c>replace</c> is set. The merged set is validated before anything changes; then the files are
/// staged inside the data set's folder (same file system) and renamed into place, with the
/// replaced originals kept aside until every rename succeeded, and put back if one fails.
/// </summary>
public static class DataSetMerger
{
    public static MergeResult Merge(string newDirectory, string intoDirectory, bool replace, DataValidationOptions? options = null,
        IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var incoming = DataSetLayout.Scan(newDirectory);
        if (!incoming.ImagesFound && !incoming.MasksFound)
            throw WmsException.NotFound($"{incoming.Root}: has neither images/ nor masks/ to merge");
        var existing = DataSetLayout.Scan(intoDirectory);
        var actions = Plan(incoming, existing);
        var existingPairs = Pairs(existing.Images, existing.Masks);

        var conflicts = actions.Where(a => a.Kind == MergeActionKind.Conflict).ToList();
        var identical = actions.Count(a => a.Kind == MergeActionKind.Identical);
        if (conflicts.Count > 0 && !replace)
            return new MergeResult(MergeOutcome.Conflicts, existingPairs.Count, 0, 0, existingPairs.Count, 0, 0, identical,
                conflicts.Select(c => c.Describe()).ToList(), null);

        var changes = actions.Where(a => a.Kind != MergeActionKind.Identical).ToList();
        if (changes.Count == 0)
            return new MergeResult(MergeOutcome.NothingToDo, existingPairs.Count, 0, 0, existingPairs.Count, 0, 0, identical, [], null);

        var merged = MergedLayout(existing, changes);
        var report = DataValidator.Validate(merged, options, progress, cancellationToken);
        var mergedPairs = Pairs(merged.Images, merged.Masks);
        var replacedStems = changes.Where(a => a.Existing is not null).Select(a => a.Existing!.Stem).ToHashSet(StringComparer.Ordinal);
        var counts = (New: mergedPairs.Count(s => !existingPairs.Contains(s)), Replaced: mergedPairs.Count(s => existingPairs.Contains(s) && replacedStems.Contains(s)));
        var filesAdded = changes.Count(a => a.Existing is null);
        if (!report.Passed)
            return new MergeResult(MergeOutcome.ValidationFailed, existingPairs.Count, counts.New, counts.Replaced, existingPairs.Count,
                0, 0, identical, [], report);

        cancellationToken.ThrowIfCancellationRequested();
        Commit(existing, changes);
        return new MergeResult(MergeOutcome.Merged, existingPairs.Count, counts.New, counts.Replaced, mergedPairs.Count,
            filesAdded, changes.Count - filesAdded, identical, [], report);
    }

    private static List<MergeAction> Plan(DataSetLayout incoming, DataSetLayout existing)
    {
        var actions = new List<MergeAction>();
        foreach (var (files, targets, folder) in new[]
                 {
                     (incoming.Images, existing.Images, DataSetLayout.ImagesFolder),
                     (incoming.Masks, existing.Masks, DataSetLayout.MasksFolder),
                 })
        {
            var byStem = targets.GroupBy(f => f.Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var file in files)
            {
                var target = Path.Combine(existing.Root, folder, file.FileName);
                var sameStem = byStem.GetValueOrDefault(file.Stem) ?? [];
                var sameName = sameStem.FirstOrDefault(f => f.FileName == file.FileName);
                if (sameName is not null && SameContent(file.FullPath, sameName.FullPath))
                    actions.Add(new MergeAction(MergeActionKind.Identical, file, target, sameName));
                else if ((sameName ?? sameStem.FirstOrDefault()) is { } clash)
                    actions.Add(new MergeAction(MergeActionKind.Conflict, file, target, clash));
                else
                    actions.Add(new MergeAction(MergeActionKind.Add, file, target, null));
            }
        }
        return actions;
    }

    private static bool SameContent(string a, string b) =>
        new FileInfo(a).Length == new FileInfo(b).Length && Md5Hasher.HashFile(a) == Md5Hasher.HashFile(b);

    /// <summary>The data set as it would be: existing files, minus the replaced ones, plus the incoming ones under their target names.</summary>
    private static DataSetLayout MergedLayout(DataSetLayout existing, List<MergeAction> changes)
    {
        var replaced = changes.Where(a => a.Existing is not null).Select(a => a.Existing!.FullPath).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<DataFile> Merge(IReadOnlyList<DataFile> current, string folder) => current
            .Where(f => !replaced.Contains(f.FullPath))
            .Concat(changes.Where(a => a.Incoming.Name.StartsWith(folder + "/", StringComparison.Ordinal)).Select(a => a.Incoming))
            .OrderBy(f => f.FileName, StringComparer.Ordinal)
            .ToList();
        return existing with
        {
            ImagesFound = true,
            MasksFound = true,
            Images = Merge(existing.Images, DataSetLayout.ImagesFolder),
            Masks = Merge(existing.Masks, DataSetLayout.MasksFolder),
        };
    }

    private static HashSet<string> Pairs(IReadOnlyList<DataFile> images, IReadOnlyList<DataFile> masks)
    {
        var maskStems = masks.Select(m => m.Stem).ToHashSet(StringComparer.Ordinal);
        return images.Select(i => i.Stem).Where(maskStems.Contains).ToHashSet(StringComparer.Ordinal);
    }

    private static void Commit(DataSetLayout existing, List<MergeAction> changes)
    {
        Directory.CreateDirectory(existing.ImagesDirectory);
        Directory.CreateDirectory(existing.MasksDirectory);
        var staging = Path.Combine(existing.Root, ".wms-merge-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(staging);
        var moved = new List<string>();
        var backups = new List<(string Backup, string Original)>();
        try
        {
            var staged = changes.Select((a, i) => (Action: a, Staged: Path.Combine(staging, i + ".new"))).ToList();
            // Copied by content, not with the source's permissions: a read-only original stays writable here.
            foreach (var (action, path) in staged)
                AtomicFile.Copy(action.Incoming.FullPath, path, overwrite: false, tempDirectory: staging);
            foreach (var (action, path) in staged)
            {
                if (action.Existing is { } old)
                {
                    var backup = Path.Combine(staging, backups.Count + ".old");
                    File.Move(old.FullPath, backup);
                    backups.Add((backup, old.FullPath));
                }
                File.Move(path, action.Target);
                moved.Add(action.Target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var target in moved) AtomicFile.TryDelete(target);
            foreach (var (backup, original) in backups) File.Move(backup, original, overwrite: true);
            throw new WmsException($"{existing.Root}: merge failed and was rolled back ({e.Message})", WmsErrorKind.DependencyUnavailable, e);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
