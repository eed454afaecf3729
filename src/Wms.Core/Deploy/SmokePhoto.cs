using SkiaSharp;

namespace Wms.Core.Deploy;

/// <summary>
/// A synthetic meter-like JPEG (grey face, dark counter window with light digits) to post when no
/// real photo is given: the smoke test checks the API's contract, not the model's accuracy.
/// </summary>
public static class SmokePhoto
{
    public static byte[] Create(int width = 640, int height = 480)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(190, 190, 185));
        using var face = new SKPaint { Color = new SKColor(235, 235, 230), IsAntialias = true };
        canvas.DrawCircle(width / 2f, height / 2f, height * 0.45f, face);
        using var window = new SKPaint { Color = new SKColor(30, 30, 35) };
        var counter = SKRect.Create(width * 0.3f, height * 0.4f, width * 0.4f, height * 0.12f);
        canvas.DrawRect(counter, window);
        using var digit = new SKPaint { Color = new SKColor(230, 230, 230) };
        for (var i = 0; i < 5; i++)
            canvas.DrawRect(SKRect.Create(counter.Left + (i + 0.2f) * counter.Width / 5, counter.Top + counter.Height * 0.2f, counter.Width / 5 * 0.6f, counter.Height * 0.6f), digit);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
