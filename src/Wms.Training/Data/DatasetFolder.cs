using Wms.Core;
using Wms.Core.Imaging;

namespace Wms.Training.Data;

/// <summary>
/// A data folder as the original laid it out: <c>images/</c> and <c>masks/</c> side by side, a
/// mask pairing with the photo of the same file stem (<c>x.jpg</c> with <c>x.png</c>). Every
/// problem is a <see cref="WmsException"/> of kind <see cref="WmsErrorKind.DataInvalid"/> naming
/// the folder or files, never a silent skip.
/// </summary>
public static class DatasetFolder
{
    public const string ImagesFolder = "images";
    public const string MasksFolder = "masks";

    /// <summary>Lists the pairs, in ordinal stem order.</summary>
    public static IReadOnlyList<SamplePair> Scan(string dataDirectory)
    {
        // A folder that is not there is a wrong path (not found, as for every other path); one
        // without images/ or masks/ is there but not a data set (invalid data).
        if (!Directory.Exists(dataDirectory))
            throw WmsException.NotFound($"{dataDirectory}: data folder not found");
        var imagesDir = Path.Combine(dataDirectory, ImagesFolder);
        var masksDir = Path.Combine(dataDirectory, MasksFolder);
        if (!Directory.Exists(imagesDir)) throw Invalid($"Images directory not found: {imagesDir}");
        if (!Directory.Exists(masksDir)) throw Invalid($"Masks directory not found: {masksDir}");

        var photos = ByStem(imagesDir);
        var masks = ByStem(masksDir);
        if (photos.Count == 0 && masks.Count == 0)
            throw Invalid($"No valid image-mask pairs found in {dataDirectory} (images/ and masks/ are empty)");

        var noMask = photos.Keys.Where(s => !masks.ContainsKey(s)).Select(s => Path.GetFileName(photos[s])).ToList();
        if (noMask.Count > 0)
            throw Invalid($"Missing masks for {noMask.Count} images in {imagesDir}: {List(noMask)}");
        var noPhoto = masks.Keys.Where(s => !photos.ContainsKey(s)).Select(s => Path.GetFileName(masks[s])).ToList();
        if (noPhoto.Count > 0)
            throw Invalid($"Missing images for {noPhoto.Count} masks in {masksDir}: {List(noPhoto)}");

        return photos.Keys.Order(StringComparer.Ordinal)
            .Select(stem => new SamplePair(stem, photos[stem], masks[stem]))
            .ToList();
    }

    private static Dictionary<string, string> ByStem(string directory)
    {
        var byStem = new Dictionary<string, string>(StringComparer.Ordinal);
        // Hidden files are the OS's (.DS_Store), not data.
        foreach (var file in Directory.EnumerateFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            if (!ImageFiles.IsSupported(file))
                throw Invalid($"{file}: not a photo or mask (.jpg, .jpeg or .png expected); move it out of {directory}");
            var stem = Path.GetFileNameWithoutExtension(file);
            if (byStem.TryGetValue(stem, out var other))
                throw Invalid($"{directory}: {Path.GetFileName(other)} and {Path.GetFileName(file)} share the stem \"{stem}\"; keep one");
            byStem[stem] = file;
        }
        return byStem;
    }

    private static string List(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + $" and {names.Count - 5} more";

    private static WmsException Invalid(string message) => new(message, WmsErrorKind.DataInvalid);
}
