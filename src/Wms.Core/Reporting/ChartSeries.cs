namespace Wms.Core.Reporting;

/// <summary>
/// One named line of a <see cref="LineChart"/>: <c>Values[i]</c> is plotted at x = first x + i
/// (epoch 1, 2, ...). NaN leaves a gap, or with <see cref="JoinGaps"/> is stepped over.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Draw the line from the value before a NaN to the one after it: for a series measured only some epochs.</summary>
    public bool JoinGaps { get; init; }
}
