using SkiaSharp;

namespace Wms.Core.Tests.Synthetic;

/// <summary>Geometry of a convex quadrilateral, to check masks against the window they should mark.</summary>
internal static class Quad
{
    /// <summary>Signed distance of p inside the quad (positive inside, negative outside), in pixels.</summary>
    public static double Inside(IReadOnlyList<SKPoint> quad, double x, double y)
    {
        var orientation = Math.Sign(Area(quad));
        var min = double.MaxValue;
        for (var i = 0; i < quad.Count; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % quad.Count];
            double ex = b.X - a.X, ey = b.Y - a.Y;
            var cross = ex * (y - a.Y) - ey * (x - a.X);
            min = Math.Min(min, orientation * cross / Math.Sqrt(ex * ex + ey * ey));
        }
        return min;
    }

    /// <summary>Shoelace area (signed by winding).</summary>
    public static double Area(IReadOnlyList<SKPoint> quad)
    {
        var sum = 0.0;
        for (var i = 0; i < quad.Count; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % quad.Count];
            sum += (double)a.X * b.Y - (double)b.X * a.Y;
        }
        return sum / 2;
    }

    public static double Perimeter(IReadOnlyList<SKPoint> quad) =>
        quad.Select((a, i) => SKPoint.Distance(a, quad[(i + 1) % quad.Count])).Sum();
}
