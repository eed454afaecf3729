namespace Wms.Cli.Commands.Registry.Views;

/// <summary>A metric's latest value and the step it was logged at.</summary>
public sealed record MetricView(string Key, double Value, long Step, DateTimeOffset Timestamp);
