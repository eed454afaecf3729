using System.Text;
using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>DVC 3 hashes bytes as they are; DVC 2 (md5-dos2unix) hashes text with CRLF as LF.</summary>
public sealed class Md5HasherTests
{
    [Fact]
    public void Dvc3_hashes_raw_bytes_and_dvc2_normalises_crlf_in_text_only()
    {
        var crlf = new MemoryStream(Encoding.ASCII.GetBytes("hello\r\nworld\r\n"));
        var lf = Md5Hasher.HashStream(new MemoryStream(Encoding.ASCII.GetBytes("hello\nworld\n")));

        Assert.NotEqual(lf, Md5Hasher.HashStream(crlf));
        crlf.Position = 0;
        Assert.Equal(lf, Md5Hasher.HashStream(crlf, DvcHashName.Md5Dos2Unix));

        // Binary (a NUL byte in the first 512): hashed as is.
        var binary = new byte[] { 0, 1, 2, (byte)'\r', (byte)'\n' };
        Assert.Equal(Md5Hasher.HashStream(new MemoryStream(binary)), Md5Hasher.HashStream(new MemoryStream(binary), DvcHashName.Md5Dos2Unix));
    }

    [Fact]
    public void The_test_vector_files_hash_as_documented()
    {
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", Md5Hasher.HashStream(new MemoryStream("abc"u8.ToArray())));
        Assert.Equal("b1946ac92492d2347c6235b4d2611184", Md5Hasher.HashStream(new MemoryStream("hello\n"u8.ToArray())));
    }
}
