using Wms.Core.Registry;

namespace Wms.Core.LocalModels;

/// <summary>The result of a pull.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Cache">The cache as it is now.</param>
/// <param name="RegistryVersion">The version the registry names; null when it could not be reached.</param>
/// <param name="Note">Why: the unreachable registry's error, or the problem of the broken cache a download replaced.</param>
public sealed record PullResult(PullOutcome Outcome, ModelCacheManifest Cache, ModelVersion? RegistryVersion, string? Note);
