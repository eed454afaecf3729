namespace Wms.Core.Reporting;

/// <summary>
/// One named line of a <see cref="LineChart"/>: <c>Values[i]</c> is plotted at x = first x + i
/// (epoch 1, 2, ...). NaN leaves a gap.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
