namespace Wms.Core.DataQuality;

/// <summary>A file of a data set: where it is, its name for messages (<c>images/x.jpg</c>) and its size.</summary>
public sealed record DataFile(string FullPath, string Name, long Length)
{
    public string FileName => Path.GetFileName(FullPath);

    /// <summary>The pairing key: the file name without its extension, case kept (<c>x.jpg</c> pairs with <c>x.png</c>).</summary>
    public string Stem => Path.GetFileNameWithoutExtension(FullPath);

    public string Extension => Path.GetExtension(FullPath);

    public static DataFile From(string fullPath, string folder) =>
        new(fullPath, folder + "/" + Path.GetFileName(fullPath), new FileInfo(fullPath).Length);
}
