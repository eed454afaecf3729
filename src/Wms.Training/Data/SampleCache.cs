using System.Collections.Concurrent;
using Wms.Core;
using Wms.Core.Imaging;

namespace Wms.Training.Data;

/// <summary>
/// Decodes every pair once, in parallel on all cores, and keeps the resized photo and binary mask
/// in memory, so training epochs never wait on JPEG decoding (about 640 x 0.8 MB at 512x512).
/// </summary>
public static class SampleCache
{
    /// <summary>Photos larger than this are refused rather than decoded (a decompression bomb guard).</summary>
    public const long MaxPhotoPixels = 100_000_000;

    /// <summary>
    /// Decodes and resizes <paramref name="pairs"/> (result in the same order). Any bad file fails
    /// the whole load with one line naming the first bad file (in pair order) and how many more.
    /// </summary>
    public static IReadOnlyList<CachedSample> Load(IReadOnlyList<SamplePair> pairs, int size,
        Action<int>? loaded = null, CancellationToken cancellationToken = default)
    {
        var samples = new CachedSample[pairs.Count];
        var problems = new ConcurrentDictionary<int, WmsException>();
        var done = 0;
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                samples[i] = LoadOne(pairs[i], size);
            }
            catch (WmsException e)
            {
                problems[i] = e;
            }
            loaded?.Invoke(Interlocked.Increment(ref done));
        });
        if (!problems.IsEmpty)
        {
            var first = problems.MinBy(p => p.Key).Value;
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more bad pairs)" : "";
            throw new WmsException(first.Message + more, WmsErrorKind.DataInvalid, first);
        }
        return samples;
    }

    /// <summary>Decodes one pair (EXIF orientation applied), checks that the sizes match, and resizes both.</summary>
    public static CachedSample LoadOne(SamplePair pair, int size)
    {
        var photo = ImageDecoder.DecodeRgb(ImageDecoder.ReadFile(pair.PhotoPath), pair.PhotoPath, MaxPhotoPixels);
        var mask = ImageDecoder.DecodeGray(ImageDecoder.ReadFile(pair.MaskPath), pair.MaskPath);
        if (photo.Width != mask.Width || photo.Height != mask.Height)
            throw new WmsException(
                $"{pair.MaskPath}: mask is {mask.Width}x{mask.Height} but its photo {Path.GetFileName(pair.PhotoPath)} is {photo.Width}x{photo.Height} (after EXIF orientation)",
                WmsErrorKind.DataInvalid);
        return new CachedSample(pair.Stem, Preprocessing.Resize(photo, size), Preprocessing.PrepareMask(mask, size));
    }
}
