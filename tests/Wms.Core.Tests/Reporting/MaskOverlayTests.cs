using Wms.Core.Imaging;
using Wms.Core.Reporting;
using Xunit;

namespace Wms.Core.Tests.Reporting;

public sealed class MaskOverlayTests
{
    private static RgbImage Photo(int width, int height)
    {
        var photo = new RgbImage(width, height);
        for (var i = 0; i < photo.Pixels.Length; i++) photo.Pixels[i] = (byte)(i * 7 % 256);
        return photo;
    }

    [Fact]
    public void Only_mask_pixels_are_tinted()
    {
        var photo = Photo(6, 4);
        var mask = new GrayImage(6, 4);
        mask.Pixels[7] = 1;
        mask.Pixels[8] = 255;

        var overlay = MaskOverlay.Render(photo, mask, MaskOverlay.Green, 0.5f);

        for (var i = 0; i < 24; i++)
        {
            var before = photo.Pixels.AsSpan(i * 3, 3).ToArray();
            var after = overlay.Pixels.AsSpan(i * 3, 3).ToArray();
            if (mask.Pixels[i] == 0)
                Assert.Equal(before, after);
            else
                Assert.Equal([(byte)Math.Round(before[0] * 0.5), (byte)Math.Round(before[1] * 0.5 + 0xd0 * 0.5), (byte)Math.Round(before[2] * 0.5 + 0x40 * 0.5)], after);
        }
    }

    [Fact]
    public void A_model_sized_mask_is_stretched_over_the_photo()
    {
        var photo = Photo(40, 20);
        var mask = new GrayImage(8, 8);
        for (var y = 0; y < 8; y++) mask.Pixels[y * 8 + 7] = 1; // the right-most column = the photo's right 5 px

        var png = MaskOverlay.RenderPng(photo, mask, MaskOverlay.Red);
        var decoded = ImageDecoder.DecodeRgb(png, "overlay.png");

        Assert.Equal((40, 20), (decoded.Width, decoded.Height));
        for (var y = 0; y < 20; y++)
            for (var x = 0; x < 40; x++)
            {
                var i = (y * 40 + x) * 3;
                var same = decoded.Pixels.AsSpan(i, 3).SequenceEqual(photo.Pixels.AsSpan(i, 3));
                Assert.True(x < 35 == same, $"pixel ({x},{y}) tinted: {!same}");
            }
    }

    [Fact]
    public void Jpeg_output_decodes_at_the_photo_size()
    {
        var jpeg = MaskOverlay.RenderJpeg(Photo(33, 17), new GrayImage(512, 512));
        var info = ImageDecoder.ReadInfo(jpeg, "overlay.jpg");
        Assert.Equal(("jpeg", 33, 17), (info.Format, info.Width, info.Height));
    }
}
