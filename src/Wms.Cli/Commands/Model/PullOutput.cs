using Wms.Core.LocalModels;

namespace Wms.Cli.Commands.Model;

/// <summary>`wms model pull --format json`.</summary>
/// <param name="Outcome">downloaded, up_to_date, update_available or registry_unreachable.</param>
/// <param name="Directory">The cache folder.</param>
/// <param name="Cache">Its manifest (what it holds now).</param>
/// <param name="RegistryVersion">The version the registry names; null when unreachable.</param>
/// <param name="Note">The registry's error when unreachable, or the broken cache's problem a download replaced.</param>
internal sealed record PullOutput(string Outcome, string Directory, ModelCacheManifest Cache, int? RegistryVersion, string? Note)
{
    public static PullOutput From(PullResult result, string directory) => new(
        result.Outcome switch
        {
            PullOutcome.Downloaded => "downloaded",
            PullOutcome.UpToDate => "up_to_date",
            PullOutcome.UpdateAvailable => "update_available",
            _ => "registry_unreachable",
        },
        directory, result.Cache, result.RegistryVersion?.Version, result.Note);
}
