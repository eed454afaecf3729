namespace Wms.Core.Dvc.Storage;

/// <summary>A bucket and a key prefix parsed from <c>s3://bucket/prefix</c>.</summary>
public sealed record S3Url(string Bucket, string Prefix)
{
    public static S3Url Parse(string url)
    {
        if (!url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            throw new WmsException($"'{url}' is not an s3:// url");
        var rest = url[5..].Trim('/');
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new WmsException($"'{url}' names no bucket");
        return new S3Url(bucket, slash < 0 ? "" : rest[(slash + 1)..].Trim('/'));
    }

    /// <summary>The full key of <paramref name="key"/> below the prefix.</summary>
    public string KeyOf(string key) => Prefix.Length == 0 ? key : Prefix + "/" + key;

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";
}
