using SkiaSharp;
using Wms.Core.Drawing;

namespace Wms.Core.Synthetic;

/// <summary>The meter body and its dial face with everything printed on it except the counter.</summary>
internal static class DialPainter
{
    public static void Paint(SKCanvas canvas, SynthRandom rng, MeterLayout layout, float frame)
    {
        var face = layout.FaceRadius;
        Body(canvas, rng, face);
        var faceColor = Palette.Pick(rng, Palette.Faces, 10);
        using (var paint = new SKPaint { IsAntialias = true })
        {
            paint.Shader = SKShader.CreateRadialGradient(new SKPoint(rng.Range(-0.3, 0.3), rng.Range(-0.3, 0.3)), face * 1.3f,
                [faceColor, Palette.Shade(faceColor, rng.Range(0.75, 0.95))], SKShaderTileMode.Clamp);
            canvas.DrawCircle(0, 0, face, paint);
        }

        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(new SKRect(-face, -face, face, face), face), antialias: true);
        if (rng.Chance(0.15)) Stripes(canvas, rng, face);
        var ticks = rng.Chance(0.5);
        if (ticks) Ticks(canvas, rng, face);
        canvas.Restore();

        var window = SKRect.Inflate(layout.Window, frame, frame);
        var placer = new DialPlacer(face - (ticks ? 0.1f : 0.04f), window);
        for (var i = rng.Int(0, 4); i > 0; i--) DialClutter.SmallDial(canvas, rng, placer);
        for (var i = rng.Int(1, 5); i > 0; i--) DialClutter.Print(canvas, rng, placer, TextMaker.Word(rng));
        if (rng.Chance(0.5)) DialClutter.Serial(canvas, rng, placer);
        if (rng.Chance(0.4)) DialClutter.StarWheel(canvas, rng, placer);
        if (rng.Chance(0.5)) DialClutter.Logo(canvas, rng, placer);
        if (rng.Chance(0.3)) DialClutter.Barcode(canvas, rng, placer);
    }

    private static void Body(SKCanvas canvas, SynthRandom rng, float face)
    {
        var body = Palette.Pick(rng, Palette.Bodies);
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateRadialGradient(new SKPoint(rng.Range(-0.4, 0.4), rng.Range(-0.4, 0.4)), 1.4f,
            [Palette.Shade(body, 1.25f), body, Palette.Shade(body, 0.5f)], [0, 0.5f, 1], SKShaderTileMode.Clamp);
        canvas.DrawCircle(0, 0, 1, paint);
        paint.Shader = null;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = rng.Range(0.01, 0.03);
        paint.Color = Palette.Shade(body, rng.Chance(0.5) ? 1.5f : 0.5f);
        canvas.DrawCircle(0, 0, rng.Range(face + 0.02, 0.97), paint);
        paint.Color = new SKColor(20, 20, 20, (byte)rng.Int(80, 200));
        paint.StrokeWidth = 0.012f;
        canvas.DrawCircle(0, 0, face, paint);
    }

    private static void Ticks(SKCanvas canvas, SynthRandom rng, float face)
    {
        var count = rng.Int(20, 60);
        var length = rng.Range(0.03, 0.07);
        using var pen = new SKPaint
        {
            Color = rng.Pick(Palette.Inks),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = rng.Range(0.006, 0.015),
        };
        for (var i = 0; i < count; i++)
        {
            var a = 2 * MathF.PI * i / count;
            var (s, c) = MathF.SinCos(a);
            var inner = face - 0.015f - length * (i % 5 == 0 ? 1.6f : 1);
            canvas.DrawLine(c * inner, s * inner, c * (face - 0.015f), s * (face - 0.015f), pen);
        }
    }

    private static void Stripes(SKCanvas canvas, SynthRandom rng, float face)
    {
        using var paint = new SKPaint { Color = Palette.Jitter(rng, Palette.Red), IsAntialias = true };
        var step = rng.Range(0.1, 0.18);
        var from = rng.Range(0.3, 0.6) * face;
        canvas.Save();
        canvas.RotateDegrees(rng.Range(0, 360));
        for (var x = from; x < face + 1; x += step)
        {
            using var builder = new SKPathBuilder();
            builder.AddPoly([new(x, -1), new(x + step / 2, -1), new(x + step / 2 - 0.5f, 1), new(x - 0.5f, 1)], close: true);
            using var band = builder.Detach();
            canvas.DrawPath(band, paint);
        }
        canvas.Restore();
    }
}
