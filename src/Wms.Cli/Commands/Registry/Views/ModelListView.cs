namespace Wms.Cli.Commands.Registry.Views;

/// <summary>`wms models list --format json` and `wms metrics --all --format json`.</summary>
public sealed record ModelListView(string Model, string Store, IReadOnlyList<ModelVersionView> Versions);
