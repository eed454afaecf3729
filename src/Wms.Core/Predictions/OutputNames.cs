using System.Globalization;

namespace Wms.Core.Predictions;

/// <summary>Names of the files <c>wms predict</c> writes per photo: <c>mask_&lt;stem&gt;.png</c>, <c>overlay_&lt;stem&gt;.jpg|png</c>.</summary>
public static class OutputNames
{
    public const string MaskPrefix = "mask_";
    public const string OverlayPrefix = "overlay_";

    /// <summary>The summary written next to the masks.</summary>
    public const string PredictionsFile = "predictions.json";

    public static string Mask(string stem) => $"{MaskPrefix}{stem}.png";

    /// <summary>A PNG photo gets a PNG overlay (lossless in, lossless out); anything else a JPEG.</summary>
    public static string Overlay(string stem, string photoPath) =>
        $"{OverlayPrefix}{stem}{(string.Equals(Path.GetExtension(photoPath), ".png", StringComparison.OrdinalIgnoreCase) ? ".png" : ".jpg")}";

    /// <summary>
    /// One output stem per photo: the file's stem, unless another photo of the batch has the same
    /// one (ignoring case, so outputs do not collide on case-insensitive disks either): then the
    /// extension is added (<c>a_jpg</c>, <c>a_png</c>) and, for the same name in two folders, a
    /// counter (<c>a_jpg_2</c>), in input order.
    /// </summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<string> paths)
    {
        var stems = paths.Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        var clashing = stems.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            var stem = stems[i];
            if (clashing.Contains(stem))
            {
                var extension = Path.GetExtension(paths[i]).TrimStart('.').ToLowerInvariant();
                stem = extension.Length == 0 ? stem : $"{stem}_{extension}";
            }
            var unique = stem;
            for (var n = 2; !used.Add(unique); n++) unique = string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}");
            result.Add(unique);
        }
        return result;
    }
}
