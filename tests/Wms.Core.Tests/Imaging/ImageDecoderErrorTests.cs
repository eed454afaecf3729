using System.Buffers.Binary;
using System.Text;
using Wms.Core.Imaging;
using Xunit;

namespace Wms.Core.Tests.Imaging;

/// <summary>What a file that cannot be decoded is called: the reason a user can act on.</summary>
public sealed class ImageDecoderErrorTests
{
    [Fact]
    public void Text_named_jpg_is_not_a_JPEG_signature_not_a_truncated_file()
    {
        var error = Assert.Throws<WmsException>(() => ImageDecoder.DecodeRgb(Encoding.ASCII.GetBytes("meter readings, not a photo"), "a.jpg"));
        Assert.Equal("a.jpg: not a readable JPEG or PNG image (its first bytes are not a JPEG or PNG signature)", error.Message);
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(1u, 0xFFFFFFFFu)]
    public void A_PNG_header_with_an_impossible_size_says_so(uint width, uint height)
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);

        var error = Assert.Throws<WmsException>(() => ImageDecoder.ReadInfo(png, "b.png"));

        Assert.Equal($"b.png: not a readable JPEG or PNG image (its PNG header says {width}x{height})", error.Message);
    }

    [Fact]
    public void A_JPEG_cut_after_its_signature_is_still_a_truncated_file()
    {
        var error = Assert.Throws<WmsException>(() => ImageDecoder.DecodeRgb(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 }, "c.jpg"));
        Assert.StartsWith("c.jpg: not a readable JPEG or PNG image (", error.Message);
        Assert.DoesNotContain("signature", error.Message);
    }
}
