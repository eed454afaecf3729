namespace Wms.Core.LocalModels;

/// <summary>What <see cref="ModelPuller.PullAsync"/> did.</summary>
public enum PullOutcome
{
    /// <summary>The version was downloaded, verified and put in place of the old cache (if any).</summary>
    Downloaded,
    /// <summary>The cache is intact and holds the version the registry names: nothing to do.</summary>
    UpToDate,
    /// <summary>The registry names another version than the (intact) cache holds; not downloaded without force.</summary>
    UpdateAvailable,
    /// <summary>The registry could not be reached; the intact cache stays in use.</summary>
    RegistryUnreachable,
}
