using SkiaSharp;

namespace Wms.Core.Synthetic;

/// <summary>
/// Where everything goes in one photo. The meter is drawn in its own coordinates (centre at 0,
/// body radius 1); <see cref="Transform"/> maps them to photo pixels (scale, squash, rotation,
/// a little perspective), so the photo and the mask use one and the same geometry.
/// </summary>
internal sealed record MeterLayout(int Width, int Height, SKMatrix Transform, float FaceRadius, SKRect Window)
{
    private const int MaxAttempts = 40;
    private const float Margin = 3;

    public static MeterLayout Draw(SynthRandom rng, SyntheticOptions options)
    {
        var longSide = rng.Int(options.MinSize, options.MaxSize);
        var shortSide = Math.Max(64, (int)Math.Round(longSide * rng.Range(0.7, 1.0)));
        var landscape = rng.Chance(0.4);
        var (width, height) = landscape ? (longSide, shortSide) : (shortSide, longSide);

        var face = rng.Range(0.78, 0.88);
        var window = DrawWindow(rng, face);
        var radius = Math.Min(width, height) * rng.Range(0.28, 0.45);
        var squash = rng.Range(0.8, 1.0);
        var angle = DrawAngle(rng);
        var perspective = SKMatrix.CreateIdentity();
        perspective.Persp0 = rng.Range(-0.12, 0.12);
        perspective.Persp1 = rng.Range(-0.12, 0.12);

        // Move (and if need be shrink) the meter until the whole window is in the photo; at
        // last resort centre it and shrink it until it fits, so a mask is never cut or empty.
        for (var attempt = 0; ; attempt++)
        {
            var centred = attempt >= MaxAttempts;
            var cx = centred ? width / 2f : width * rng.Range(0.2, 0.8);
            var cy = centred ? height / 2f : height * rng.Range(0.2, 0.8);
            var layout = new MeterLayout(width, height, Compose(cx, cy, angle, radius, squash, perspective), face, window);
            if (layout.Contains(layout.WindowCorners(), Margin) || radius < 4)
                return layout;
            if (centred || attempt % 8 == 7) radius *= 0.85f;
        }
    }

    private static SKMatrix Compose(float cx, float cy, float angle, float radius, float squash, SKMatrix perspective) =>
        SKMatrix.CreateTranslation(cx, cy)
            .PreConcat(SKMatrix.CreateRotationDegrees(angle))
            .PreConcat(SKMatrix.CreateScale(radius, radius * squash))
            .PreConcat(perspective);

    /// <summary>The window's corners in photo pixels (clockwise from top-left in meter coordinates).</summary>
    public SKPoint[] WindowCorners() => WindowCorners(Transform);

    /// <summary>The window's corners under another transform (a deliberately wrong label).</summary>
    public SKPoint[] WindowCorners(SKMatrix transform) => transform.MapPoints(
    [
        new SKPoint(Window.Left, Window.Top), new SKPoint(Window.Right, Window.Top),
        new SKPoint(Window.Right, Window.Bottom), new SKPoint(Window.Left, Window.Bottom),
    ]);

    /// <summary>The meter's radius in photo pixels along its x axis (a scale for pixel-sized effects).</summary>
    public float PixelRadius => Transform.MapVector(1, 0).Length;

    public bool Contains(IEnumerable<SKPoint> points, float margin) =>
        points.All(p => p.X >= margin && p.Y >= margin && p.X <= Width - margin && p.Y <= Height - margin);

    private static SKRect DrawWindow(SynthRandom rng, float face)
    {
        var width = rng.Range(0.9, 1.3);
        var aspect = rng.Range(3.0, 5.5);
        var cx = rng.Range(-0.08, 0.08);
        var cy = rng.Range(-0.4, 0.05);
        // Keep the window inside the dial face, with room for its frame.
        while (true)
        {
            var height = width / aspect;
            var rect = SKRect.Create(cx - width / 2, cy - height / 2, width, height);
            var farX = Math.Max(Math.Abs(rect.Left), Math.Abs(rect.Right));
            var farY = Math.Max(Math.Abs(rect.Top), Math.Abs(rect.Bottom));
            if (farX * farX + farY * farY <= (face - 0.08f) * (face - 0.08f)) return rect;
            width *= 0.95f;
        }
    }

    private static float DrawAngle(SynthRandom rng)
    {
        var kind = rng.NextDouble();
        if (kind < 0.7) return rng.Range(-20, 20);
        if (kind < 0.9) return rng.Range(-45, 45);
        return rng.Sign() * 90 + rng.Range(-15, 15);
    }
}
