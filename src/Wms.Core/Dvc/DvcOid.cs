namespace Wms.Core.Dvc;

/// <summary>DVC object ids: 32 lowercase hex digits of MD5, with <c>".dir"</c> for directory manifests.</summary>
public static class DvcOid
{
    public const string DirSuffix = ".dir";

    public static bool IsDir(string oid) => oid.EndsWith(DirSuffix, StringComparison.Ordinal);

    /// <summary>True for a plain MD5 in lowercase hex (a file object's id).</summary>
    public static bool IsFileMd5(string value) =>
        value.Length == 32 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>True for a file id or a directory id.</summary>
    public static bool IsValid(string oid) => IsFileMd5(IsDir(oid) ? oid[..^DirSuffix.Length] : oid);

    /// <summary>The MD5 part of an id (without <c>".dir"</c>): what the object's bytes hash to.</summary>
    public static string Md5Of(string oid) => IsDir(oid) ? oid[..^DirSuffix.Length] : oid;
}
