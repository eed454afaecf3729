namespace Wms.Core.Registry;

/// <summary>The outcome of <see cref="IModelRegistry.PromoteAsync"/>.</summary>
/// <param name="Current">The Production version now.</param>
/// <param name="Previous">The version that was Production before and is now Archived with alias <c>previous</c>; null when none.</param>
/// <param name="Changed">False when <see cref="Current"/> already was the Production version: nothing was written.</param>
public sealed record ProductionChange(ModelVersion Current, ModelVersion? Previous, bool Changed);
