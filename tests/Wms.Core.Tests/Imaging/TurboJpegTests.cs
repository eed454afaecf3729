using Wms.Core.Imaging;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Imaging;

/// <summary>The system's libjpeg-turbo must give exactly SkiaSharp's pixels, and refuse what SkiaSharp refuses.</summary>
public sealed class TurboJpegTests
{
    private static void RequireLibrary()
    {
        if (!TurboJpeg.Available)
            Assert.Skip("libturbojpeg.so.0 is not installed (Debian: apt-get install libturbojpeg0; .ci/run installs it); JPEGs decode with SkiaSharp only");
    }

    public static TheoryData<string, int, int, int> Encodings => new()
    {
        { "colour q95", 641, 479, 95 },
        { "colour q60", 100, 37, 60 },
        { "grey q90", 333, 250, 90 },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_to_the_same_pixels_as_SkiaSharp(string kind, int width, int height, int quality)
    {
        RequireLibrary();
        var jpeg = kind.StartsWith("grey", StringComparison.Ordinal)
            ? EncodedImages.GreyJpeg(width, height, (x, y) => (byte)((x * 3 + y * 7) % 256), quality)
            : EncodedImages.Jpeg(width, height, EncodedImages.Photo(width), quality);
        AssertSameAsSkia(jpeg, kind);
    }

    [Fact]
    public void Real_phone_photos_decode_to_the_same_pixels_as_SkiaSharp()
    {
        RequireLibrary();
        var data = TestEnvironment.RequireWaterMeters();
        foreach (var photo in Directory.GetFiles(Path.Combine(data, "unlabeled")).Order().Take(4))
            AssertSameAsSkia(File.ReadAllBytes(photo), Path.GetFileName(photo));
    }

    [Fact]
    public void A_truncated_jpeg_is_not_decoded_and_the_decoder_names_it_truncated()
    {
        RequireLibrary();
        var jpeg = EncodedImages.Jpeg(300, 200, EncodedImages.Photo(3));
        var truncated = jpeg[..(jpeg.Length * 2 / 3)];

        Assert.Null(TurboJpeg.TryDecodeRgb(truncated, 300, 200));
        var error = Assert.Throws<WmsException>(() => ImageDecoder.DecodeRgb(truncated, "cut.jpg"));
        Assert.Contains("cut.jpg", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    private static void AssertSameAsSkia(byte[] jpeg, string name)
    {
        using var codec = ImageDecoder.CreateCodec(jpeg, name);
        var expected = ImageDecoder.DecodeRgbWithSkia(codec, name);
        var actual = TurboJpeg.TryDecodeRgb(jpeg, codec.Info.Width, codec.Info.Height);
        Assert.NotNull(actual);
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name}: TurboJPEG's pixels differ from SkiaSharp's");
    }
}
