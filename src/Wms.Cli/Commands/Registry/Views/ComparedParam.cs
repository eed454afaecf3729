namespace Wms.Cli.Commands.Registry.Views;

/// <summary>One param across compared runs: each run's value in the order given (null when absent).</summary>
public sealed record ComparedParam(string Key, IReadOnlyList<string?> Values, bool Differs);
