using SkiaSharp;
using Wms.Core.Drawing;

namespace Wms.Core.Synthetic;

/// <summary>
/// The counter window: a frame, then digit drums (white, with the last ones red), a dark LCD-like
/// strip or a white strip. The window rectangle inside the frame is exactly what the mask marks.
/// </summary>
internal static class CounterPainter
{
    /// <summary>Paints the counter and returns the digits it shows.</summary>
    public static string Paint(SKCanvas canvas, SynthRandom rng, SKRect window, float frame)
    {
        Frame(canvas, rng, window, frame);
        var style = rng.NextDouble();
        var count = rng.Int(5, 8);
        var red = rng.Int(0, 3);
        var digits = TextMaker.Digits(rng, count);
        var cell = window.Width / count;
        var cap = Math.Min(window.Height * rng.Range(0.55, 0.72), cell * 1.15f);
        var pen = cap * rng.Range(0.12, 0.18);
        var rolling = rng.Chance(0.4) ? rng.Range(0.2, 0.8) : 0;

        using var fill = new SKPaint { IsAntialias = true };
        fill.Color = style switch
        {
            < 0.55 => new SKColor(10, 10, 12),
            < 0.8 => Palette.Jitter(rng, new SKColor(18, 20, 28), 10),
            _ => Palette.Jitter(rng, new SKColor(240, 240, 235), 10),
        };
        canvas.DrawRect(window, fill);

        for (var i = 0; i < count; i++)
        {
            var isRed = i >= count - red;
            var slot = SKRect.Create(window.Left + i * cell, window.Top, cell, window.Height);
            SKColor ink;
            if (style < 0.55)
            {
                var gap = cell * rng.Range(0.06, 0.14);
                slot = new SKRect(slot.Left + gap, slot.Top + window.Height * 0.03f, slot.Right - gap, slot.Bottom - window.Height * 0.03f);
                Drum(canvas, slot, isRed ? Palette.Jitter(rng, Palette.Red) : Palette.Jitter(rng, new SKColor(238, 236, 228), 10));
                ink = isRed && rng.Chance(0.7) ? SKColors.White : new SKColor(12, 12, 12);
            }
            else
            {
                ink = style < 0.8 ? Palette.Jitter(rng, new SKColor(235, 235, 225), 15)
                    : isRed ? Palette.Jitter(rng, Palette.Red) : new SKColor(12, 12, 12);
                if (i > 0) Separator(canvas, slot.Left, window, style < 0.8);
            }
            var roll = i == count - 1 ? rolling : 0;
            Digit(canvas, slot, digits[i], roll, cap, pen, ink);
        }
        if (rng.Chance(0.6)) InnerShadow(canvas, window, (byte)rng.Int(80, 180));
        return digits;
    }

    private static void Frame(SKCanvas canvas, SynthRandom rng, SKRect window, float frame)
    {
        var kind = rng.NextDouble();
        var color = kind switch
        {
            < 0.7 => Palette.Jitter(rng, new SKColor(24, 24, 26), 12),
            < 0.85 => Palette.Jitter(rng, new SKColor(30, 40, 80), 15),
            _ => Palette.Jitter(rng, new SKColor(170, 172, 178), 15),
        };
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        var outer = SKRect.Inflate(window, frame, frame);
        canvas.DrawRoundRect(outer, frame * 0.6f, frame * 0.6f, paint);
        if (!rng.Chance(0.3)) return;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = frame * 0.3f;
        paint.Color = Palette.Shade(color, 3f);
        canvas.DrawRoundRect(SKRect.Inflate(outer, frame * 0.5f, frame * 0.5f), frame, frame, paint);
    }

    /// <summary>A drum: shaded top and bottom, so it looks like a cylinder seen side-on.</summary>
    private static void Drum(SKCanvas canvas, SKRect slot, SKColor color)
    {
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, slot.Top), new SKPoint(0, slot.Bottom),
            [Palette.Shade(color, 0.5f), color, color, Palette.Shade(color, 0.5f)], [0, 0.3f, 0.7f, 1], SKShaderTileMode.Clamp);
        canvas.DrawRect(slot, paint);
    }

    private static void Separator(SKCanvas canvas, float x, SKRect window, bool dark)
    {
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = window.Height * 0.04f,
            Color = dark ? new SKColor(90, 90, 95) : new SKColor(60, 60, 60),
        };
        canvas.DrawLine(x, window.Top, x, window.Bottom, paint);
    }

    /// <summary>One digit; a rolling drum shows the bottom of this digit and the top of the next.</summary>
    private static void Digit(SKCanvas canvas, SKRect slot, char digit, float roll, float cap, float pen, SKColor ink)
    {
        canvas.Save();
        canvas.ClipRect(slot, antialias: true);
        var baseline = slot.MidY + cap / 2;
        var pitch = slot.Height * 0.95f;
        StrokeFont.Draw(canvas, digit.ToString(), slot.MidX, baseline - roll * pitch, cap, ink, TextAnchor.Center, pen);
        if (roll > 0)
        {
            var next = (char)('0' + (digit - '0' + 1) % 10);
            StrokeFont.Draw(canvas, next.ToString(), slot.MidX, baseline + (1 - roll) * pitch, cap, ink, TextAnchor.Center, pen);
        }
        canvas.Restore();
    }

    private static void InnerShadow(SKCanvas canvas, SKRect window, byte alpha)
    {
        using var paint = new SKPaint();
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, window.Top), new SKPoint(0, window.Top + window.Height * 0.35f),
            [new SKColor(0, 0, 0, alpha), SKColors.Transparent], SKShaderTileMode.Clamp);
        canvas.DrawRect(window, paint);
    }
}
