namespace Wms.Core.Tracking;

/// <summary>One metric value at one step (an epoch, say). NaN and infinities are allowed.</summary>
/// <param name="Key">Metric name, e.g. <c>val_dice</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Step">The step (epoch); 0 for one-off values such as <c>final_test_dice</c>.</param>
/// <param name="Timestamp">When it was measured; stored with millisecond precision.</param>
public sealed record Metric(string Key, double Value, long Step, DateTimeOffset Timestamp);
