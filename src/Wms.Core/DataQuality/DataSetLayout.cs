namespace Wms.Core.DataQuality;

/// <summary>
/// The files of a data set (REFERENCE.md §1): photos in <c>images/</c>, masks in <c>masks/</c>,
/// paired by file stem. Every regular file is listed, supported or not, so the checks can name
/// the ones that do not belong; hidden files and sub-folders are listed apart.
/// </summary>
public sealed record DataSetLayout(
    string Root,
    bool ImagesFound,
    bool MasksFound,
    IReadOnlyList<DataFile> Images,
    IReadOnlyList<DataFile> Masks,
    IReadOnlyList<string> Ignored)
{
    public const string ImagesFolder = "images";
    public const string MasksFolder = "masks";

    public string ImagesDirectory => Path.Combine(Root, ImagesFolder);

    public string MasksDirectory => Path.Combine(Root, MasksFolder);

    /// <summary>Lists <paramref name="root"/>/images and <paramref name="root"/>/masks.</summary>
    public static DataSetLayout Scan(string root)
    {
        root = Path.GetFullPath(root);
        var ignored = new List<string>();
        var images = List(Path.Combine(root, ImagesFolder), ImagesFolder, ignored);
        var masks = List(Path.Combine(root, MasksFolder), MasksFolder, ignored);
        return new DataSetLayout(root, images is not null, masks is not null, images ?? [], masks ?? [], ignored);
    }

    private static List<DataFile>? List(string directory, string folder, List<string> ignored)
    {
        if (!Directory.Exists(directory)) return null;
        var files = new List<DataFile>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (Directory.Exists(entry)) ignored.Add($"{folder}/{name}/");
            else if (name.StartsWith('.')) ignored.Add($"{folder}/{name}");
            else files.Add(DataFile.From(entry, folder));
        }
        return files;
    }
}
