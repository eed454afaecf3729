using System.Globalization;
using Wms.Core.Imaging;

namespace Wms.Core.DataQuality;

/// <summary>
/// `wms data validate`: every check of REFERENCE.md §1 with the original's error texts, plus the
/// ones it lacked (sizes after EXIF orientation, masks that are not masks, unsupported and
/// mistyped files, duplicate photos, coverage and position outliers). Every file is decoded
/// once, in parallel; every finding is reported, grouped by check.
/// </summary>
public static class DataValidator
{
    public static DataQualityReport Validate(string directory, DataValidationOptions? options = null,
        IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        Validate(DataSetLayout.Scan(directory), options, progress, cancellationToken);

    public static DataQualityReport Validate(DataSetLayout layout, DataValidationOptions? options = null,
        IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new DataValidationOptions();
        var problems = new ProblemList();
        if (!layout.ImagesFound) problems.Add(DataChecks.MissingDirectory, $"Images directory not found: {layout.ImagesDirectory}");
        if (!layout.MasksFound) problems.Add(DataChecks.MissingDirectory, $"Masks directory not found: {layout.MasksDirectory}");
        foreach (var entry in layout.Ignored) problems.Add(DataChecks.IgnoredEntry, $"{entry}: ignored ({(entry.EndsWith('/') ? "sub-folder" : "hidden file")})");

        var images = Supported(layout.Images, problems);
        var masks = Supported(layout.Masks, problems);
        var inspected = InspectAll(images, masks, options, progress, cancellationToken);
        foreach (var file in inspected.Values.Where(f => !f.Readable).OrderBy(f => f.File.Name, StringComparer.Ordinal))
            problems.Add(DataChecks.Unreadable, $"{file.File.Stem}: Error: {file.Error}");
        foreach (var file in inspected.Values.Where(f => f.IsMistyped).OrderBy(f => f.File.Name, StringComparer.Ordinal))
            problems.Add(DataChecks.MistypedFile, $"{file.File.Name}: {file.Info!.Format.ToUpperInvariant()} content with a {file.File.Extension} extension (rename it)");

        var imagesByStem = ByStem(images, problems);
        var masksByStem = ByStem(masks, problems);
        ReportUnpaired(imagesByStem, masksByStem, DataChecks.MissingMask, "Missing masks for {0} images", problems);
        ReportUnpaired(masksByStem, imagesByStem, DataChecks.MissingImage, "Missing images for {0} masks", problems);

        var valid = new List<(string Stem, FileInspection Photo, MaskAnalysis Mask)>();
        foreach (var stem in imagesByStem.Keys.Where(masksByStem.ContainsKey).Order(StringComparer.Ordinal))
        {
            if (imagesByStem[stem].Count > 1 || masksByStem[stem].Count > 1) continue;
            var photo = inspected[imagesByStem[stem][0].FullPath];
            var mask = inspected[masksByStem[stem][0].FullPath];
            if (CheckPair(stem, photo, mask, options, problems)) valid.Add((stem, photo, mask.Mask!));
        }
        ReportDuplicatePhotos(inspected.Values.Where(f => f.ContentMd5 is not null), problems);
        if (layout.ImagesFound && layout.MasksFound && valid.Count == 0)
            problems.Add(DataChecks.NoPairs, "No valid image-mask pairs found");

        var coverage = valid.Select(v => v.Mask.CoveragePercent).ToList();
        if (valid.Count >= options.MinPairsForOutliers) OutlierChecks.Report(valid.Select(v => (v.Stem, v.Mask)).ToList(), options.OutlierMads, problems);

        var statistics = Statistics(coverage, valid.Select(v => v.Mask).ToList(), images.Select(i => inspected[i.FullPath]).ToList(), problems);
        return new DataQualityReport(problems.HasErrors ? DataQualityReport.Fail : DataQualityReport.Pass,
            problems.Messages(Severity.Error), problems.Messages(Severity.Warning), statistics,
            images.Count, masks.Count, valid.Count, problems.Groups());
    }

    /// <summary>The .jpg/.jpeg/.png files (any case); the rest are reported.</summary>
    private static List<DataFile> Supported(IReadOnlyList<DataFile> files, ProblemList problems)
    {
        var supported = new List<DataFile>();
        foreach (var file in files)
        {
            if (ImageFiles.IsSupported(file.FullPath)) supported.Add(file);
            else problems.Add(DataChecks.UnsupportedFile, $"{file.Name}: unsupported file type '{file.Extension}' (expected .jpg, .jpeg or .png)");
        }
        return supported;
    }

    private static Dictionary<string, FileInspection> InspectAll(List<DataFile> images, List<DataFile> masks, DataValidationOptions options,
        IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var work = images.Select(f => (File: f, IsMask: false)).Concat(masks.Select(f => (File: f, IsMask: true))).ToArray();
        var results = new FileInspection[work.Length];
        var done = 0;
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            results[i] = FileInspection.Inspect(work[i].File, work[i].IsMask, options.MaxPixels);
            progress?.Report(new ProgressReport("checking", Interlocked.Increment(ref done), work.Length));
        });
        return results.ToDictionary(r => r.File.FullPath, StringComparer.Ordinal);
    }

    private static Dictionary<string, List<DataFile>> ByStem(List<DataFile> files, ProblemList problems)
    {
        var byStem = files.GroupBy(f => f.Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (stem, group) in byStem.Where(kv => kv.Value.Count > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            problems.Add(DataChecks.DuplicateName, $"{stem}: Error: {string.Join(" and ", group.Select(f => f.Name))} share one name; a pair needs exactly one of each");
        return byStem;
    }

    private static void ReportUnpaired(Dictionary<string, List<DataFile>> from, Dictionary<string, List<DataFile>> other, DataCheck check,
        string summary, ProblemList problems)
    {
        var otherByLower = other.Keys.GroupBy(k => k.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        var unpaired = from.Where(kv => !other.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (unpaired.Count == 0) return;
        problems.AddSummary(check, string.Format(CultureInfo.InvariantCulture, summary, unpaired.Count));
        foreach (var (stem, files) in unpaired)
        {
            var hint = otherByLower.TryGetValue(stem.ToLowerInvariant(), out var near) ? $" ('{near}' differs only in letter case)" : "";
            foreach (var file in files) problems.AddItem(check, file.Name + hint);
        }
    }

    /// <summary>Per-pair checks; true when the pair is usable for training.</summary>
    private static bool CheckPair(string stem, FileInspection photo, FileInspection mask, DataValidationOptions options, ProblemList problems)
    {
        if (!photo.Readable || !mask.Readable) return false;
        var (p, m) = (photo.Info!, mask.Info!);
        if (p.Width != m.Width || p.Height != m.Height)
        {
            var hint = ExifOrientation.SwapsAxes(p.Orientation) && p.Height == m.Width && p.Width == m.Height
                ? $"; the mask fits the photo as stored, before its EXIF orientation {p.Orientation}: it was drawn on the unrotated photo"
                : "";
            problems.Add(DataChecks.SizeMismatch, $"{stem}: Size mismatch: image {p.Width}x{p.Height}, mask {m.Width}x{m.Height} (width x height after EXIF orientation){hint}");
            return false;
        }
        var analysis = mask.Mask!;
        if (analysis.ColouredFraction > options.MaxColouredFraction)
        {
            problems.Add(DataChecks.NotAMask, $"{stem}: Not a mask: {mask.File.Name} is a colour image ({analysis.ColouredFraction:P1} of pixels coloured)");
            return false;
        }
        if (analysis.MidGreyFraction > options.MaxMidGreyFraction)
        {
            problems.Add(DataChecks.NotAMask, $"{stem}: Not a mask: {analysis.MidGreyFraction:P1} of {mask.File.Name} is mid-grey (a mask is black and white)");
            return false;
        }
        if (analysis.Foreground == 0)
        {
            problems.Add(DataChecks.EmptyMask, $"{stem}: Empty mask");
            return false;
        }
        if (analysis.Foreground < options.NearEmptyPixels)
        {
            problems.Add(DataChecks.NearEmptyMask, $"{stem}: Near-empty mask ({analysis.Foreground} pixels)");
            return false;
        }
        return true;
    }

    private static void ReportDuplicatePhotos(IEnumerable<FileInspection> photos, ProblemList problems)
    {
        var groups = photos.GroupBy(p => p.ContentMd5!, StringComparer.Ordinal)
            .Select(g => g.Select(p => p.File.Name).Order(StringComparer.Ordinal).ToList())
            .Where(g => g.Count > 1)
            .OrderBy(g => g[0], StringComparer.Ordinal);
        foreach (var names in groups)
            problems.Add(DataChecks.DuplicatePhoto, $"{string.Join(" = ", names)}: the same photo under {names.Count} names");
    }

    private static DataQualityStatistics Statistics(List<double> coverage, List<MaskAnalysis> masks, List<FileInspection> photos, ProblemList problems)
    {
        var readable = photos.Where(p => p.Readable).ToList();
        var resolutions = readable.GroupBy(p => $"{p.Info!.Height}x{p.Info.Width}")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var formats = readable.GroupBy(p => p.Info!.Format).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        double? Round(double value) => coverage.Count == 0 ? null : Math.Round(value, 4);
        return new DataQualityStatistics(
            Round(RobustStatistics.Median(coverage)),
            Round(RobustStatistics.StandardDeviation(coverage)),
            resolutions.Count == 1 ? resolutions.Keys.Single() : null,
            Round(coverage.Count == 0 ? 0 : coverage.Average()),
            Round(coverage.Count == 0 ? 0 : coverage.Min()),
            Round(coverage.Count == 0 ? 0 : coverage.Max()),
            Round(RobustStatistics.ScaledMad(coverage)),
            masks.Count == 0 ? null :
            [
                Math.Round(RobustStatistics.Median(masks.Select(m => m.CentroidX).ToList()), 4),
                Math.Round(RobustStatistics.Median(masks.Select(m => m.CentroidY).ToList()), 4),
            ],
            resolutions, formats,
            readable.Count(p => p.Info!.Orientation is > 1 and <= 8),
            problems.CountsBy(Severity.Error), problems.CountsBy(Severity.Warning));
    }
}
