namespace Wms.Core.Dvc.Storage;

/// <summary>
/// A folder of content-addressed objects: the local cache, a local remote or an S3 remote. Keys
/// are paths below the store's root with <c>/</c> (<see cref="DvcLayout.KeyOf"/>).
/// </summary>
public interface IObjectStore
{
    /// <summary>Where the store is, for messages (<c>s3://bucket/prefix</c> or a folder).</summary>
    string Location { get; }

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="sourceFile"/> under <paramref name="key"/> and checks that the stored
    /// bytes hash to <paramref name="contentMd5"/> (plain MD5, hex); a mismatch is an error and
    /// leaves no object under that key.
    /// </summary>
    Task UploadAsync(string key, string sourceFile, string contentMd5, CancellationToken cancellationToken);

    /// <summary>Writes the object's bytes to <paramref name="destinationFile"/> (the caller verifies them).</summary>
    Task DownloadAsync(string key, string destinationFile, CancellationToken cancellationToken);
}
