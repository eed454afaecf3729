namespace Wms.Core.Dvc;

/// <summary>One <c>['remote "name"']</c> section: its url and options (<c>endpointurl</c>, <c>region</c>, ...).</summary>
public sealed record DvcRemoteConfig(string Name, string Url, IReadOnlyDictionary<string, string> Options, string ConfigDirectory)
{
    public string? this[string key] => Options.TryGetValue(key, out var value) ? value : null;

    /// <summary>True for <c>s3://bucket/prefix</c> remotes.</summary>
    public bool IsS3 => Url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The folder of a local remote: a plain path (relative ones are relative to <c>.dvc/</c>,
    /// where the config is) or a <c>file://</c> URL.
    /// </summary>
    public string LocalPath
    {
        get
        {
            if (Url.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) return new Uri(Url).LocalPath;
            if (Url.Contains("://", StringComparison.Ordinal))
                throw new WmsException($"DVC remote '{Name}': unsupported url '{Url}' (s3:// or a local folder expected)");
            return Path.GetFullPath(Url, ConfigDirectory);
        }
    }
}
