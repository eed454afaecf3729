namespace Wms.Core.Dvc;

/// <summary>How an output's objects are hashed and where they live (ECOSYSTEM.md §a.3, §a.4).</summary>
public enum DvcHashName
{
    /// <summary>DVC 3: plain MD5 of the bytes; objects under <c>files/md5/</c>. Written as <c>hash: md5</c>.</summary>
    Md5,

    /// <summary>DVC 2 ("md5-dos2unix"): text chunks hashed with CRLF turned into LF; objects at the cache or remote root.</summary>
    Md5Dos2Unix,
}

/// <summary>Object keys for each <see cref="DvcHashName"/>.</summary>
public static class DvcLayout
{
    /// <summary>
    /// The object's path below a cache or remote root, with <c>/</c>:
    /// <c>files/md5/ab/cdef...</c> (DVC 3) or <c>ab/cdef...</c> (DVC 2).
    /// </summary>
    public static string KeyOf(string oid, DvcHashName hashName)
    {
        if (!DvcOid.IsValid(oid))
            throw new WmsException($"invalid DVC object id '{oid}'", WmsErrorKind.DataInvalid);
        var key = oid[..2] + "/" + oid[2..];
        return hashName == DvcHashName.Md5 ? "files/md5/" + key : key;
    }
}
