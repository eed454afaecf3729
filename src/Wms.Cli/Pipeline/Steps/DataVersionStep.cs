using Wms.Core;
using Wms.Core.DataQuality;
using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// Records the merged data set as a DVC version (`wms data add`): <c>DATASET.dvc</c> when the set
/// is tracked as one folder, else <c>images.dvc</c> and <c>masks.dvc</c> as the original did; then
/// pushes it to the repository's default remote (S3 or a folder) when one is configured. Without a
/// DVC repository nothing is recorded and the summary says so.
/// </summary>
public static class DataVersionStep
{
    public static async Task<DataVersionStepResult> RunAsync(PipelineRequest request, IObjectStoreFactory stores, CancellationToken cancellationToken)
    {
        DvcRepository repository;
        try
        {
            repository = DvcRepository.Find(request.DataDirectory);
        }
        catch (WmsException e)
        {
            return new DataVersionStepResult([], null, 0, 0, $"data version not recorded: {e.Message}");
        }
        var dataset = Path.TrimEndingDirectorySeparator(request.DataDirectory);
        string[] targets = File.Exists(dataset + ".dvc")
            ? [dataset]
            : [Path.Combine(dataset, DataSetLayout.ImagesFolder), Path.Combine(dataset, DataSetLayout.MasksFolder)];
        var files = new List<DataVersionFile>();
        foreach (var target in targets)
        {
            var added = await Task.Run(() => DvcAdd.Add(repository, target, cancellationToken: cancellationToken), cancellationToken);
            files.Add(new DataVersionFile(repository.Relative(added.DvcFilePath), added.Out.Oid!, added.Out.NFiles ?? 1));
        }

        if (!request.Push || repository.Config.DefaultRemote is not { } remoteName)
            return new DataVersionStepResult(files, null, 0, 0, request.Push ? "no default DVC remote: not pushed" : "not pushed (--no-push)");
        var remote = repository.Config.GetRemote(remoteName);
        var outputs = files.SelectMany(f => TrackedOutput.Load(repository, Path.Combine(repository.Root, f.Path))).ToList();
        var pushed = await DvcPush.PushAsync(repository, outputs, stores.Create(remote), cancellationToken: cancellationToken);
        if (pushed.Failures.Count > 0)
            throw new WmsException($"data version recorded but pushing it to '{remoteName}' failed for {pushed.Failures.Count} object(s): "
                + $"{pushed.Failures[0].Key}: {pushed.Failures[0].Reason} (run the pipeline again to retry, or 'wms data push')", pushed.Failures[0].Kind);
        return new DataVersionStepResult(files, remoteName, pushed.Transferred, pushed.AlreadyPresent, null);
    }
}
