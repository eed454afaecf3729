using Wms.Core.Imaging;
using Xunit;

namespace Wms.Core.Tests.Imaging;

public sealed class PilResizeTests
{
    [Fact]
    public void A_very_tall_photo_resizes_in_bounded_memory_to_the_same_pixels_as_in_one_pass()
    {
        // A 2x200,000 upload (1.2 MB of pixels): in one pass the horizontal buffer alone is 200,000 x 256 x 3 bytes.
        var random = new Random(7);
        var photo = new RgbImage(2, 200_000);
        random.NextBytes(photo.Pixels);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var resized = PilResize.Bilinear(photo, 256, 256);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 16 << 20, $"resizing allocated {allocated / (1 << 20)} MB");
        Assert.Equal(PilResize.Bilinear(photo.Pixels, 2, 200_000, 3, 256, 256, rowWindow: int.MaxValue), resized.Pixels);
    }

    [Theory]
    [InlineData(1536, 2048, 256)]
    [InlineData(3000, 9000, 512)]
    [InlineData(40, 30, 64)]
    public void Windows_of_any_size_give_the_same_bytes(int width, int height, int size)
    {
        var random = new Random(width + height);
        var photo = new byte[width * height * 3];
        random.NextBytes(photo);
        var whole = PilResize.Bilinear(photo, width, height, 3, size, size, rowWindow: int.MaxValue);
        foreach (var window in new[] { 1, 37, 1000 })
            Assert.Equal(whole, PilResize.Bilinear(photo, width, height, 3, size, size, window));
    }
}
