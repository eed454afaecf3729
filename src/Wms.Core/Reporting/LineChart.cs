using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Core.Reporting;

/// <summary>
/// A line chart of named series over epochs (loss, Dice, IoU curves), rendered to PNG with
/// axes, round-number ticks, grid, legend and title. Text uses the built-in
/// <see cref="Drawing.StrokeFont"/>, so no font file is needed.
/// </summary>
/// <example><code>
/// new LineChart("Loss", "epoch", "BCE loss", [new("train", trainLoss), new("val", valLoss)]) { Marker = (best, "best") }
///     .Save("runs/x/loss.png");
/// </code></example>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 540;

    /// <summary>The x of each series' first value (1 = epochs counted from 1).</summary>
    public double FirstX { get; init; } = 1;

    /// <summary>Fixed y range (e.g. 0..1 for Dice); taken from the data when null.</summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>An optional dashed vertical line with a label, e.g. the best epoch.</summary>
    public (double X, string Label)? Marker { get; init; }

    /// <summary>Series colours, in order (matplotlib's tab10, so plots look like the original's).</summary>
    public static readonly IReadOnlyList<SKColor> Colors =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28),
        new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f),
    ];

    /// <summary>The chart as PNG bytes.</summary>
    public byte[] RenderPng()
    {
        if (Width < 200 || Height < 150) throw new ArgumentException($"a chart needs at least 200x150 pixels, got {Width}x{Height}");
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
            LineChartRenderer.Draw(canvas, this);
        return ImageEncoder.Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>Writes the PNG to <paramref name="path"/> (atomically: no half-written file on failure).</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, RenderPng());
}
