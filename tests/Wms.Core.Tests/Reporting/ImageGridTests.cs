using Wms.Core.Imaging;
using Wms.Core.Reporting;
using Xunit;

namespace Wms.Core.Tests.Reporting;

public sealed class ImageGridTests
{
    private static GridRow Row(string caption, bool labelled)
    {
        var photo = new RgbImage(120, 80);
        Array.Fill(photo.Pixels, (byte)128);
        var mask = new GrayImage(120, 80);
        for (var y = 30; y < 50; y++)
            for (var x = 20; x < 100; x++) mask.Pixels[y * 120 + x] = 1;
        var predicted = MaskImages.Resize(mask, 512, 512);
        return new GridRow(caption, photo, labelled ? mask : null, predicted);
    }

    [Fact]
    public void Renders_one_captioned_row_per_case_with_three_or_four_columns()
    {
        var rows = new[] { Row("a  Dice 0.91", true), Row("b  Dice 0.40", true), Row("c (no label)", false) };
        var three = ImageDecoder.DecodeRgb(new ImageGrid(rows) { CellSize = 100 }.RenderPng(), "grid.png");
        var four = ImageDecoder.DecodeRgb(new ImageGrid(rows) { CellSize = 100, ShowErrors = true, Title = "Worst cases" }.RenderPng(), "grid.png");

        Assert.Equal(10 + 3 * 110, three.Width);
        Assert.Equal(10 + 4 * 110, four.Width);
        Assert.Equal(10 + 24 + 3 * (24 + 100 + 10), three.Height);
        Assert.Equal(three.Height + 36, four.Height);
    }

    [Fact]
    public void Mask_cells_show_the_masks_over_the_photo_area()
    {
        var grid = ImageDecoder.DecodeRgb(new ImageGrid([Row("a", true)]) { CellSize = 120 }.RenderPng(), "grid.png");
        // Photo 120x80 fills the 120-px cell width and is centred vertically (20 px bands).
        var cellTop = 10 + 24 + 24;
        int Pixel(int column, int x, int y) => grid.Pixels[((cellTop + y) * grid.Width + 10 + column * 130 + x) * 3];
        Assert.Equal(255, Pixel(1, 60, 20 + 40));   // inside the true mask
        Assert.Equal(0, Pixel(1, 5, 20 + 5));       // background of the true mask
        Assert.Equal(255, Pixel(2, 60, 20 + 40));   // inside the predicted mask (512x512 stretched back)
        Assert.Equal(128, Pixel(0, 60, 20 + 40));   // the photo itself
    }

    [Fact]
    public void An_empty_grid_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ImageGrid([]).RenderPng());
    }
}
