using Wms.Core.Imaging;
using Wms.Core.Reporting;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Reporting;

public sealed class MaskImagesTests
{
    [Fact]
    public void A_zero_one_mask_becomes_a_greyscale_png_of_exactly_0_and_255()
    {
        byte[] mask = [0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0];
        var png = MaskImages.EncodePng(mask, 4, 3);

        Assert.Equal("png", ImageDecoder.ReadInfo(png, "mask.png").Format);
        Assert.Equal((8, 0), (png[24], png[25])); // IHDR: bit depth 8, colour type 0 (greyscale)
        var decoded = ImageDecoder.DecodeGray(png, "mask.png");
        Assert.Equal((4, 3), (decoded.Width, decoded.Height));
        Assert.Equal(mask.Select(v => v == 1 ? (byte)255 : (byte)0), decoded.Pixels);
    }

    [Fact]
    public void A_mask_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MaskImages.EncodePng(new byte[10], 4, 3));
    }

    [Fact]
    public void WritePng_writes_the_file_and_leaves_no_temporary_files()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("out", "mask_a.png");
        MaskImages.WritePng(path, new GrayImage(2, 2, [0, 255, 1, 0]));
        Assert.Equal([0, 255, 255, 0], ImageDecoder.DecodeGray(path).Pixels);
        Assert.Single(Directory.GetFiles(temp.Combine("out")));
    }

    [Fact]
    public void Resize_is_nearest_and_keeps_values()
    {
        var mask = new GrayImage(2, 2, [0, 1, 1, 0]);
        var up = MaskImages.Resize(mask, 4, 4);
        Assert.Equal([0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0], up.Pixels);

        var down = MaskImages.Resize(up, 2, 2);
        Assert.Equal(mask.Pixels, down.Pixels);
    }

    [Fact]
    public void Resize_back_to_a_non_square_photo_size_keeps_the_shape()
    {
        // A 512x512 prediction whose left half is foreground, back onto a 300x200 photo.
        var square = new GrayImage(512, 512);
        for (var y = 0; y < 512; y++)
            for (var x = 0; x < 256; x++) square.Pixels[y * 512 + x] = 1;
        var photoSized = MaskImages.Resize(square, 300, 200);
        Assert.Equal((300, 200), (photoSized.Width, photoSized.Height));
        Assert.Equal(150 * 200, photoSized.Pixels.Count(p => p == 1));
        Assert.All(Enumerable.Range(0, 200), y => Assert.Equal(1, photoSized.Pixels[y * 300 + 149]));
        Assert.All(Enumerable.Range(0, 200), y => Assert.Equal(0, photoSized.Pixels[y * 300 + 150]));
    }
}
