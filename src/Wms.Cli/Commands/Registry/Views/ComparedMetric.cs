namespace Wms.Cli.Commands.Registry.Views;

/// <summary>One metric's latest value across compared runs (null when absent).</summary>
public sealed record ComparedMetric(string Key, IReadOnlyList<double?> Values, bool Differs);
