using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;

namespace Wms.Cli.Commands.Data;

/// <summary>The repository, the outputs and the remote one push/pull/status works on.</summary>
internal sealed record DvcSession(DvcRepository Repository, IReadOnlyList<TrackedOutput> Outputs, DvcRemoteConfig? RemoteConfig, IObjectStore? Remote)
{
    public static DvcSession Open(Workspace workspace, IReadOnlyList<string> targets, string? remoteName, bool needsRemote,
        IObjectStoreFactory stores, IConsoleUi ui)
    {
        var repository = DvcRepository.Find(workspace.Root);
        var outputs = TrackedOutput.Resolve(repository, workspace, targets);
        if (outputs.Count == 0) ui.Warn($"no .dvc files in {repository.Root}; track a folder with 'wms data add DIR'");
        if (!needsRemote) return new DvcSession(repository, outputs, null, null);

        var remote = repository.Config.GetRemote(remoteName);
        var ignored = remote.IsS3 ? S3ClientFactory.IgnoredKeys(remote) : remote.Options.Keys.Where(k => k is not ("url" or "jobs")).ToList();
        if (ignored.Count > 0) ui.Warn($"remote '{remote.Name}': {string.Join(", ", ignored)} not supported by wms, ignored");
        return new DvcSession(repository, outputs, remote, stores.Create(remote));
    }
}
