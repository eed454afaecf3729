using Wms.Core.Imaging;
using Xunit;

namespace Wms.Core.Tests.Imaging;

public sealed class ExifOrientationTests
{
    // Stored 3x2 image, one letter per pixel:  a b c
    //                                          d e f
    // Expected: what a viewer shows for each EXIF orientation (PIL's exif_transpose).
    [Theory]
    [InlineData(1, 3, "abc/def")]
    [InlineData(2, 3, "cba/fed")]
    [InlineData(3, 3, "fed/cba")]
    [InlineData(4, 3, "def/abc")]
    [InlineData(5, 2, "ad/be/cf")]
    [InlineData(6, 2, "da/eb/fc")]
    [InlineData(7, 2, "fc/eb/da")]
    [InlineData(8, 2, "cf/be/ad")]
    public void Each_orientation_shows_the_photo_as_a_person_sees_it(int orientation, int expectedWidth, string expected)
    {
        foreach (var channels in new[] { 1, 3, 4 })
        {
            var pixels = "abcdef".SelectMany(letter => Enumerable.Repeat((byte)letter, channels)).ToArray();

            var (width, height, result) = ExifOrientation.Apply(orientation, 3, 2, pixels, channels);

            Assert.Equal(expectedWidth, width);
            Assert.Equal(6 / expectedWidth, height);
            var rows = Enumerable.Range(0, height).Select(y =>
                new string(Enumerable.Range(0, width).Select(x => (char)result[(y * width + x) * channels]).ToArray()));
            Assert.Equal(expected, string.Join('/', rows));
            Assert.All(Enumerable.Range(0, 6), p => Assert.All(result.AsSpan(p * channels, channels).ToArray(), v => Assert.Equal(result[p * channels], v)));
        }
    }

    [Fact]
    public void A_large_rotated_photo_keeps_every_pixel()
    {
        const int Width = 517, Height = 301;
        var pixels = new byte[Width * Height * 3];
        new Random(3).NextBytes(pixels);

        var (w, h, rotated) = ExifOrientation.Apply(6, Width, Height, pixels, 3);
        var (w2, h2, back) = ExifOrientation.Apply(8, w, h, rotated, 3);

        Assert.Equal((Height, Width), (w, h));
        Assert.Equal((Width, Height), (w2, h2));
        Assert.Equal(pixels, back);
    }
}
