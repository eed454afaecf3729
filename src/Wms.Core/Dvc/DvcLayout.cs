namespace Wms.Core.Dvc;

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
