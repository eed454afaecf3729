using SkiaSharp;

namespace Wms.Core.Synthetic;

/// <summary>Finds free spots on the dial face for print and small dials, away from the counter window and each other.</summary>
internal sealed class DialPlacer(float radius, SKRect window)
{
    private const int Attempts = 12;
    private readonly List<SKRect> _taken = [Inflate(window, 0.05f)];

    public bool TryPlace(SynthRandom rng, float width, float height, out SKRect rect)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var x = rng.Range(-radius, radius - width);
            var y = rng.Range(-radius, radius - height);
            var candidate = SKRect.Create(x, y, width, height);
            var padded = Inflate(candidate, 0.02f);
            if (!InsideCircle(candidate) || _taken.Any(t => t.IntersectsWith(padded))) continue;
            _taken.Add(candidate);
            rect = candidate;
            return true;
        }
        rect = default;
        return false;
    }

    private bool InsideCircle(SKRect r)
    {
        var farX = Math.Max(Math.Abs(r.Left), Math.Abs(r.Right));
        var farY = Math.Max(Math.Abs(r.Top), Math.Abs(r.Bottom));
        return farX * farX + farY * farY <= radius * radius;
    }

    private static SKRect Inflate(SKRect r, float by) => new(r.Left - by, r.Top - by, r.Right + by, r.Bottom + by);
}
