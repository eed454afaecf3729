using SkiaSharp;

namespace Wms.Core.Synthetic;

/// <summary>The glass over the dial: a soft reflection, sometimes a hard specular spot, a bright rim.</summary>
internal static class GlassPainter
{
    public static void Paint(SKCanvas canvas, SynthRandom rng)
    {
        using var paint = new SKPaint { IsAntialias = true };
        if (rng.Chance(0.8))
        {
            // A crescent: a big disc minus a shifted one, filled with a fading white.
            var (s, c) = MathF.SinCos(rng.Range(0, 2 * Math.PI));
            var shift = rng.Range(0.15, 0.5);
            using var outer = Circle(0, 0, 0.95f);
            using var inner = Circle(c * shift, s * shift, 0.95f);
            using var crescent = outer.Op(inner, SKPathOp.Difference);
            var alpha = (byte)rng.Int(40, 130);
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(-c, -s), new SKPoint(c, s),
                [new SKColor(255, 255, 255, alpha), new SKColor(255, 255, 255, 0)], SKShaderTileMode.Clamp);
            if (crescent is not null) canvas.DrawPath(crescent, paint);
            paint.Shader = null;
        }
        if (rng.Chance(0.4))
        {
            paint.Color = new SKColor(255, 255, 255, (byte)rng.Int(90, 200));
            paint.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, rng.Range(0.01, 0.04));
            canvas.Save();
            canvas.Translate(rng.Range(-0.6, 0.6), rng.Range(-0.6, 0.6));
            canvas.RotateDegrees(rng.Range(0, 180));
            canvas.DrawOval(0, 0, rng.Range(0.05, 0.25), rng.Range(0.02, 0.06), paint);
            canvas.Restore();
            paint.MaskFilter = null;
        }
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = rng.Range(0.01, 0.03);
        paint.Color = new SKColor(255, 255, 255, (byte)rng.Int(40, 140));
        canvas.DrawCircle(0, 0, rng.Range(0.9, 0.98), paint);
    }

    private static SKPath Circle(float cx, float cy, float r)
    {
        using var builder = new SKPathBuilder();
        builder.AddCircle(cx, cy, r, SKPathDirection.Clockwise);
        return builder.Detach();
    }
}
