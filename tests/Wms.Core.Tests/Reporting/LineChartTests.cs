using SkiaSharp;
using Wms.Core.Imaging;
using Wms.Core.Reporting;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Reporting;

public sealed class LineChartTests
{
    private static readonly double[] Train = [0.62, 0.41, 0.30, 0.24, 0.2, 0.18, 0.17];
    private static readonly double[] Val = [0.66, 0.47, 0.36, 0.31, 0.3, double.NaN, 0.31];

    [Fact]
    public void Renders_a_png_of_the_asked_size_with_every_series_drawn()
    {
        var chart = new LineChart("Loss", "epoch", "BCE loss", [new("train_loss", Train), new("val_loss", Val)]) { Width = 640, Height = 400, Marker = (5, "best") };
        var image = ImageDecoder.DecodeRgb(chart.RenderPng(), "chart.png");

        Assert.Equal((640, 400), (image.Width, image.Height));
        Assert.True(CountNear(image, LineChart.Colors[0]) > 200, "train series (blue) not drawn");
        Assert.True(CountNear(image, LineChart.Colors[1]) > 200, "val series (orange) not drawn");
    }

    [Fact]
    public void A_series_that_joins_its_gaps_is_drawn_across_them()
    {
        // Measured every fourth epoch of 80, as a run that validates every fourth epoch: 20 dots, unless joined by a line.
        double[] sparse = [.. Enumerable.Range(1, 80).Select(e => e % 4 == 0 ? 1.0 - e / 100.0 : double.NaN)];
        int Drawn(bool join) => CountNear(ImageDecoder.DecodeRgb(
            new LineChart("Loss", "epoch", "loss", [new("val", sparse) { JoinGaps = join }]).RenderPng(), "c.png"), LineChart.Colors[0]);

        var (apart, joined) = (Drawn(false), Drawn(true));
        Assert.True(joined > 2 * apart, $"joined: {joined} line pixels, apart: {apart}");
    }

    [Fact]
    public void Text_is_drawn_without_any_font_file()
    {
        var withTitle = ImageDecoder.DecodeRgb(new LineChart("Validation Dice", "", "", [new("val", Train)]).RenderPng(), "a.png");
        var without = ImageDecoder.DecodeRgb(new LineChart("", "", "", [new("val", Train)]).RenderPng(), "b.png");
        // The title band (above the plot) differs only by the title's strokes.
        var dark = 0;
        for (var y = 0; y < 45; y++)
            for (var x = 0; x < withTitle.Width; x++)
            {
                var i = (y * withTitle.Width + x) * 3;
                if (withTitle.Pixels[i] < 120 && without.Pixels[i] > 200) dark++;
            }
        Assert.True(dark > 100, $"only {dark} title pixels drawn");
    }

    [Fact]
    public void Empty_constant_and_single_point_series_still_render()
    {
        foreach (var series in new ChartSeries[][] { [], [new("x", [])], [new("x", [0.5])], [new("x", [1, 1, 1])], [new("x", [double.NaN])] })
        {
            var png = new LineChart("t", "epoch", "y", series).RenderPng();
            var info = ImageDecoder.ReadInfo(png, "chart.png");
            Assert.Equal((900, 540), (info.Width, info.Height));
        }
    }

    [Fact]
    public void The_legend_keeps_off_the_best_epoch_label_when_it_can()
    {
        // Dice-like curves: points along the left and the top; the emptiest corner is bottom right,
        // where the label of a best epoch near the end is drawn.
        var plot = new SKRect(70, 50, 880, 480);
        var points = Enumerable.Range(0, 20).Select(i => new SKPoint(90 + i * 40, 470 - i * 21)).ToList();
        points.AddRange(Enumerable.Range(0, 20).Select(i => new SKPoint(90 + i * 40, 60)));
        points.AddRange(Enumerable.Range(0, 10).Select(i => new SKPoint(80, 60 + i * 40)));
        ChartSeries[] series = [new("train", [1]), new("val", [1])];
        var label = LineChartRenderer.MarkerLabelBox(plot, 820, "best epoch");

        var free = LineChartRenderer.LegendBox(plot, series, points, keepClear: null);
        var clear = LineChartRenderer.LegendBox(plot, series, points, label);

        Assert.True(free.IntersectsWith(label), "without a marker the emptiest corner is the bottom right, over the label");
        Assert.False(SKRect.Inflate(clear, 6, 6).IntersectsWith(label), $"legend {clear} covers the label {label}");
    }

    [Fact]
    public void The_best_epoch_label_stays_inside_the_plot_at_its_right_edge()
    {
        var plot = new SKRect(70, 50, 880, 480);
        var middle = LineChartRenderer.MarkerLabelBox(plot, 400, "best epoch");
        var end = LineChartRenderer.MarkerLabelBox(plot, 870, "best epoch");
        Assert.True(middle.Left > 400, "right of the line when there is room");
        Assert.True(end.Right < 870 && end.Left > plot.Left, $"left of the line at the edge, inside the plot: {end}");
    }

    [Fact]
    public void A_fixed_y_range_is_honoured_and_save_writes_the_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("dice.png");
        new LineChart("Dice", "epoch", "Dice", [new("val_dice", [0.2, 0.5, 0.8])]) { YRange = (0, 1) }.Save(path);
        Assert.Equal("png", ImageDecoder.ReadInfo(File.ReadAllBytes(path), path).Format);
    }

    private static int CountNear(RgbImage image, SKColor color)
    {
        var n = 0;
        for (var i = 0; i < image.Pixels.Length; i += 3)
            if (Math.Abs(image.Pixels[i] - color.Red) + Math.Abs(image.Pixels[i + 1] - color.Green) + Math.Abs(image.Pixels[i + 2] - color.Blue) < 30) n++;
        return n;
    }
}
