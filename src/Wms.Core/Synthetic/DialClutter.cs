using SkiaSharp;
using Wms.Core.Drawing;

namespace Wms.Core.Synthetic;

/// <summary>Things printed on dial faces that are not the counter: distractors the model must learn to ignore.</summary>
internal static class DialClutter
{
    private static readonly SKColor Black = new(16, 16, 16);

    /// <summary>A litre dial: white disc, ticks, numbers and a red pointer.</summary>
    public static void SmallDial(SKCanvas canvas, SynthRandom rng, DialPlacer placer)
    {
        var r = rng.Range(0.07, 0.16);
        if (!placer.TryPlace(rng, 2 * r, 2 * r, out var spot)) return;
        var (cx, cy) = (spot.MidX, spot.MidY);
        using var paint = new SKPaint { IsAntialias = true, Color = Palette.Jitter(rng, new SKColor(245, 245, 240), 8) };
        canvas.DrawCircle(cx, cy, r, paint);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = r * 0.08f;
        paint.Color = rng.Chance(0.6) ? Palette.Jitter(rng, Palette.Red) : Black;
        canvas.DrawCircle(cx, cy, r, paint);
        paint.StrokeWidth = r * 0.04f;
        paint.Color = Black;
        for (var i = 0; i < 10; i++)
        {
            var (s, c) = MathF.SinCos(2 * MathF.PI * i / 10);
            canvas.DrawLine(cx + c * r * 0.7f, cy + s * r * 0.7f, cx + c * r * 0.9f, cy + s * r * 0.9f, paint);
        }

        var angle = rng.Range(0, 2 * Math.PI);
        var (sa, ca) = MathF.SinCos((float)angle);
        using var builder = new SKPathBuilder();
        builder.MoveTo(cx + ca * r * 0.85f, cy + sa * r * 0.85f);
        builder.LineTo(cx - sa * r * 0.15f, cy + ca * r * 0.15f);
        builder.LineTo(cx + sa * r * 0.15f, cy - ca * r * 0.15f);
        builder.Close();
        using var pointer = builder.Detach();
        paint.Style = SKPaintStyle.Fill;
        paint.Color = Palette.Jitter(rng, Palette.Red);
        canvas.DrawPath(pointer, paint);
        paint.Color = Black;
        canvas.DrawCircle(cx, cy, r * 0.15f, paint);
    }

    public static void Print(SKCanvas canvas, SynthRandom rng, DialPlacer placer, string text)
    {
        var cap = rng.Range(0.04, 0.1);
        var width = StrokeFont.Measure(text, cap);
        if (!placer.TryPlace(rng, width, cap * 1.3f, out var spot)) return;
        StrokeFont.Draw(canvas, text, spot.Left, spot.Top + cap, cap, rng.Pick(Palette.Inks), strokeWidth: cap * rng.Range(0.08, 0.18));
    }

    /// <summary>A printed serial number: digits in a row like the counter's, but no window.</summary>
    public static void Serial(SKCanvas canvas, SynthRandom rng, DialPlacer placer)
    {
        var text = TextMaker.Digits(rng, rng.Int(6, 10));
        var cap = rng.Range(0.05, 0.09);
        var width = StrokeFont.Measure(text, cap);
        if (!placer.TryPlace(rng, width + cap, cap * 1.8f, out var spot)) return;
        StrokeFont.Draw(canvas, text, spot.MidX, spot.MidY + cap / 2, cap, Black, TextAnchor.Center, cap * 0.15f);
        if (!rng.Chance(0.3)) return;
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = cap * 0.06f, Color = Black };
        canvas.DrawRect(spot, outline);
    }

    /// <summary>The flow indicator: a small star wheel.</summary>
    public static void StarWheel(SKCanvas canvas, SynthRandom rng, DialPlacer placer)
    {
        var r = rng.Range(0.06, 0.13);
        if (!placer.TryPlace(rng, 2 * r, 2 * r, out var spot)) return;
        var points = rng.Int(5, 8);
        var turn = rng.Range(0, Math.PI);
        using var outline = new SKPathBuilder();
        for (var i = 0; i < 2 * points; i++)
        {
            var radius = i % 2 == 0 ? r : r * 0.4f;
            var (s, c) = MathF.SinCos((float)(turn + Math.PI * i / points));
            var p = new SKPoint(spot.MidX + c * radius, spot.MidY + s * radius);
            if (i == 0) outline.MoveTo(p);
            else outline.LineTo(p);
        }
        outline.Close();
        using var star = outline.Detach();
        using var paint = new SKPaint { IsAntialias = true, Color = rng.Chance(0.7) ? Black : Palette.Jitter(rng, Palette.Red) };
        canvas.DrawPath(star, paint);
    }

    public static void Logo(SKCanvas canvas, SynthRandom rng, DialPlacer placer)
    {
        var text = TextMaker.Word(rng);
        var cap = rng.Range(0.04, 0.07);
        var width = StrokeFont.Measure(text, cap) + cap * 1.2f;
        if (!placer.TryPlace(rng, width, cap * 2, out var spot)) return;
        using var paint = new SKPaint { IsAntialias = true, Color = Palette.Pick(rng, Palette.Bodies, 30) };
        canvas.DrawRoundRect(spot, cap * 0.4f, cap * 0.4f, paint);
        StrokeFont.Draw(canvas, text, spot.MidX, spot.MidY + cap / 2, cap, SKColors.White, TextAnchor.Center, cap * 0.16f);
    }

    public static void Barcode(SKCanvas canvas, SynthRandom rng, DialPlacer placer)
    {
        var width = rng.Range(0.2, 0.4);
        var height = rng.Range(0.05, 0.1);
        if (!placer.TryPlace(rng, width, height, out var spot)) return;
        using var paint = new SKPaint { Color = Black };
        for (var x = spot.Left; x < spot.Right;)
        {
            var bar = width * rng.Range(0.008, 0.03);
            canvas.DrawRect(x, spot.Top, bar, height, paint);
            x += bar + width * rng.Range(0.008, 0.03);
        }
    }
}
