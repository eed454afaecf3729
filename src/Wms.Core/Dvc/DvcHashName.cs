namespace Wms.Core.Dvc;

/// <summary>How an output's objects are hashed and where they live (ECOSYSTEM.md §a.3, §a.4).</summary>
public enum DvcHashName
{
    /// <summary>DVC 3: plain MD5 of the bytes; objects under <c>files/md5/</c>. Written as <c>hash: md5</c>.</summary>
    Md5,

    /// <summary>DVC 2 ("md5-dos2unix"): text chunks hashed with CRLF turned into LF; objects at the cache or remote root.</summary>
    Md5Dos2Unix,
}
