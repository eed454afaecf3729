using System.Collections.Concurrent;

namespace Wms.Core.Synthetic;

/// <summary>
/// Writes a synthetic data set in the layout the rest of wms reads: <c>images/STEM.jpg</c> and
/// <c>masks/STEM.png</c>. Files are rendered into a hidden folder next to the result and moved
/// into place only when all of them are written, so a cancelled or failed run leaves nothing
/// half-made and never touches an existing set it was not allowed to replace.
/// </summary>
internal static class SyntheticDataset
{
    public static SyntheticSummary Write(string directory, int count, int seed, SyntheticOptions options, bool replace,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var images = Path.Combine(root, "images");
        var masks = Path.Combine(root, "masks");
        if (!replace)
            foreach (var folder in new[] { images, masks })
                if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
                    throw new WmsException($"{folder}: folder is not empty (choose another folder, or replace its contents)", WmsErrorKind.Conflict);

        var staging = Path.Combine(root, $".synth-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "images"));
            Directory.CreateDirectory(Path.Combine(staging, "masks"));
            var stats = Render(staging, count, seed, options, progress, cancellationToken);
            Swap(Path.Combine(staging, "images"), images, staging);
            Swap(Path.Combine(staging, "masks"), masks, staging);
            return stats with { Directory = root };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{root}: cannot write synthetic data ({e.Message})");
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            // Parallel.For wraps what its workers throw.
            throw new WmsException($"{root}: cannot write synthetic data ({e.InnerException.Message})");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static SyntheticSummary Render(string staging, int count, int seed, SyntheticOptions options,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<(int Min, int Max, double Coverage, bool Mislabeled)>();
        var done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, count, parallel, index =>
        {
            var sample = SyntheticMeters.Render(seed, index, options);
            File.WriteAllBytes(Path.Combine(staging, "images", sample.Stem + ".jpg"), sample.EncodePhoto());
            File.WriteAllBytes(Path.Combine(staging, "masks", sample.Stem + ".png"), sample.EncodeMask());
            var foreground = sample.Mask.Pixels.Count(p => p != 0);
            results.Add((Math.Min(sample.Photo.Width, sample.Photo.Height), Math.Max(sample.Photo.Width, sample.Photo.Height),
                100.0 * foreground / sample.Mask.Pixels.Length, sample.Mislabeled));
            progress?.Report(Interlocked.Increment(ref done));
        });
        return new SyntheticSummary(staging, count, seed,
            count == 0 ? 0 : results.Min(r => r.Min), count == 0 ? 0 : results.Max(r => r.Max),
            count == 0 ? 0 : results.Average(r => r.Coverage), results.Count(r => r.Mislabeled));
    }

    /// <summary>Puts the new folder in place; an old one is moved aside first and deleted only after.</summary>
    private static void Swap(string fresh, string target, string staging)
    {
        if (Directory.Exists(target))
            Directory.Move(target, Path.Combine(staging, "old-" + Path.GetFileName(target)));
        Directory.Move(fresh, target);
    }
}
