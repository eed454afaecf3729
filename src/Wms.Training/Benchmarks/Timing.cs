namespace Wms.Training.Benchmarks;

/// <summary>Repeated timings of one operation, in milliseconds.</summary>
public sealed record Timing(IReadOnlyList<double> Milliseconds)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();
}
