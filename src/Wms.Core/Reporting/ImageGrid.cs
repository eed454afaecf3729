using SkiaSharp;
using Wms.Core.Drawing;
using Wms.Core.Imaging;

namespace Wms.Core.Reporting;

/// <summary>
/// Rows of photo | true mask | predicted mask (and optionally an error map), each row captioned:
/// the "4 test photos" plot of a training run and the "worst cases" page of an evaluation.
/// </summary>
public sealed record ImageGrid(IReadOnlyList<GridRow> Rows)
{
    private const int Pad = 10, CaptionBand = 24, HeaderBand = 24, TitleBand = 36;
    private const float CaptionCap = 11;
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor CellBackground = new(0x30, 0x30, 0x30);

    /// <summary>Side of each square cell, in pixels; photos keep their aspect inside it.</summary>
    public int CellSize { get; init; } = 256;

    /// <summary>A title above the grid, or none.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Adds a fourth column: the photo dimmed, with hits green, false alarms red and missed
    /// pixels blue (rows without a true mask show the prediction only).
    /// </summary>
    public bool ShowErrors { get; init; }

    /// <summary>The grid as PNG bytes.</summary>
    public byte[] RenderPng()
    {
        if (Rows.Count == 0) throw new ArgumentException("an image grid needs at least one row");
        if (CellSize < 32) throw new ArgumentException($"cell size {CellSize} is below 32 pixels");
        string[] headers = ShowErrors ? ["photo", "true mask", "predicted mask", "errors"] : ["photo", "true mask", "predicted mask"];
        var top = Pad + (Title is null ? 0 : TitleBand) + HeaderBand;
        var rowHeight = CaptionBand + CellSize + Pad;
        var width = Pad + headers.Length * (CellSize + Pad);
        var height = top + Rows.Count * rowHeight;

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (Title is not null) StrokeFont.Draw(canvas, Title, width / 2f, Pad + 22, 15, Ink, TextAnchor.Center, 1.9f);
            for (var c = 0; c < headers.Length; c++)
                StrokeFont.Draw(canvas, headers[c], ColumnLeft(c) + CellSize / 2f, top - 8, 12, Ink, TextAnchor.Center);
            for (var r = 0; r < Rows.Count; r++)
                DrawRow(canvas, Rows[r], top + r * rowHeight, headers.Length);
        }
        return ImageEncoder.Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>Writes the PNG to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, RenderPng());

    private int ColumnLeft(int column) => Pad + column * (CellSize + Pad);

    private void DrawRow(SKCanvas canvas, GridRow row, int y, int columns)
    {
        StrokeFont.Draw(canvas, Fit(row.Caption), Pad, y + CaptionBand - 8, CaptionCap, Ink);
        var cellTop = y + CaptionBand;
        var scale = Math.Min((float)CellSize / row.Photo.Width, (float)CellSize / row.Photo.Height);
        var w = Math.Max(1, (int)Math.Round(row.Photo.Width * scale));
        var h = Math.Max(1, (int)Math.Round(row.Photo.Height * scale));
        var (dx, dy) = ((CellSize - w) / 2, (CellSize - h) / 2);

        var photo = PilResize.Bilinear(row.Photo, w, h);
        var truth = row.TrueMask is null ? null : MaskImages.ToGrey255(MaskImages.Resize(row.TrueMask, w, h));
        var predicted = MaskImages.ToGrey255(MaskImages.Resize(row.PredictedMask, w, h));
        using var cell = new SKPaint { Color = CellBackground };
        for (var c = 0; c < columns; c++)
        {
            var left = ColumnLeft(c);
            canvas.DrawRect(left, cellTop, CellSize, CellSize, cell);
            if (c == 1 && truth is null)
            {
                StrokeFont.Draw(canvas, "no label", left + CellSize / 2f, cellTop + CellSize / 2f, 12, SKColors.White, TextAnchor.Center);
                continue;
            }
            using var image = c switch
            {
                0 => SkiaImages.ToBitmap(photo),
                1 => SkiaImages.ToBitmap(truth!),
                2 => SkiaImages.ToBitmap(predicted),
                _ => SkiaImages.ToBitmap(ErrorMap(photo, truth, predicted)),
            };
            canvas.DrawBitmap(image, left + dx, cellTop + dy, SKSamplingOptions.Default, null);
        }
    }

    /// <summary>Dimmed photo; green = predicted and true, red = predicted only, blue = missed.</summary>
    private static RgbImage ErrorMap(RgbImage photo, GrayImage? truth, GrayImage predicted)
    {
        var map = new RgbImage(photo.Width, photo.Height);
        for (var i = 0; i < predicted.Pixels.Length; i++)
        {
            var p = predicted.Pixels[i] != 0;
            // Without a label there is nothing to be wrong against: show the prediction as found.
            var t = truth is null ? p : truth.Pixels[i] != 0;
            (byte R, byte G, byte B) color = (p, t) switch
            {
                (true, true) => (0x20, 0xd0, 0x40),
                (true, false) => (0xff, 0x30, 0x30),
                (false, true) => (0x30, 0x80, 0xff),
                _ => ((byte)(photo.Pixels[i * 3] * 2 / 5), (byte)(photo.Pixels[i * 3 + 1] * 2 / 5), (byte)(photo.Pixels[i * 3 + 2] * 2 / 5)),
            };
            (map.Pixels[i * 3], map.Pixels[i * 3 + 1], map.Pixels[i * 3 + 2]) = color;
        }
        return map;
    }

    /// <summary>Shortens a caption that would run past the row.</summary>
    private string Fit(string caption)
    {
        var room = ColumnLeft(ShowErrors ? 4 : 3) - 2 * Pad;
        if (StrokeFont.Measure(caption, CaptionCap) <= room) return caption;
        var keep = caption.Length;
        while (keep > 1 && StrokeFont.Measure(caption[..keep] + "...", CaptionCap) > room) keep--;
        return caption[..keep] + "...";
    }
}
