namespace Wms.Core.Imaging;

/// <summary>Which files are photos or masks: JPEG and PNG, extension in any case.</summary>
public static class ImageFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".jpg", ".jpeg", ".png"];

    public static bool IsSupported(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Supported images directly in <paramref name="directory"/>, in ordinal name order.</summary>
    public static IReadOnlyList<string> List(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(IsSupported)
            .Order(StringComparer.Ordinal)
            .ToList();
}
