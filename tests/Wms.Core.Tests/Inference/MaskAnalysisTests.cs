using Wms.Core.Imaging;
using Wms.Core.Inference;
using Xunit;

namespace Wms.Core.Tests.Inference;

public sealed class MaskAnalysisTests
{
    [Fact]
    public void Foreground_is_where_the_sigmoid_is_strictly_above_one_half()
    {
        float[] logits = [-3f, -1e-9f, 0f, 1e-9f, 1e-6f, 2f];

        var mask = MaskAnalysis.Threshold(logits, 6, 1);

        // sigmoid(1e-9) rounds to exactly 0.5 in float32, so it is not foreground, as in the original.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 255, 255 }, mask.Pixels);
    }

    [Fact]
    public void An_empty_mask_has_no_box_and_zero_coverage()
    {
        var mask = new GrayImage(8, 4);
        Assert.Null(MaskAnalysis.BoundingBox(mask));
        Assert.Equal(0, MaskAnalysis.CoveragePercent(mask));
    }

    [Fact]
    public void The_box_holds_every_foreground_pixel()
    {
        var mask = new GrayImage(10, 8);
        mask.Pixels[2 * 10 + 7] = 255;
        mask.Pixels[5 * 10 + 3] = 255;

        Assert.Equal(new MaskBox(3, 2, 5, 4), MaskAnalysis.BoundingBox(mask));
        Assert.Equal(2.5, MaskAnalysis.CoveragePercent(mask));
    }

    [Theory]
    [InlineData(512, 512, 1536, 2048)]
    [InlineData(512, 512, 1000, 1333)]
    [InlineData(64, 64, 333, 250)]
    [InlineData(64, 64, 64, 64)]
    public void The_photo_box_is_the_box_of_the_mask_resized_to_the_photo(int maskW, int maskH, int photoW, int photoH)
    {
        var random = new Random(maskW + photoW);
        for (var trial = 0; trial < 20; trial++)
        {
            var mask = new GrayImage(maskW, maskH);
            var (x0, y0) = (random.Next(maskW), random.Next(maskH));
            var (x1, y1) = (random.Next(x0, maskW), random.Next(y0, maskH));
            mask.Pixels[y0 * maskW + x0] = 255;
            mask.Pixels[y1 * maskW + x1] = 255;
            var box = MaskAnalysis.BoundingBox(mask)!;

            var expected = MaskAnalysis.BoundingBox(PilResize.Nearest(mask, photoW, photoH));

            Assert.Equal(expected, MaskAnalysis.ToPhoto(box, maskW, maskH, photoW, photoH));
        }
    }
}
