using Wms.Core.Registry;
using Xunit;

namespace Wms.Core.Tests.Tracking.Contract;

public abstract partial class TrackingBackendContract
{
    [Fact]
    public async Task A_registered_model_is_created_once()
    {
        Assert.Null(await Registry.FindRegisteredModelAsync(ModelName, Cancel));
        await Registry.GetOrCreateRegisteredModelAsync(ModelName, Cancel);
        var again = await Registry.GetOrCreateRegisteredModelAsync(ModelName, Cancel);
        Assert.Equal(ModelName, again.Name);
        Assert.Empty(await VersionsAsync());
    }

    [Fact]
    public async Task Versions_are_registered_from_a_run_model_folder_in_order()
    {
        var run1 = await SeedRunAsync();
        var run2 = await SeedRunAsync();
        var v1 = await Registry.CreateModelVersionAsync(ModelName, run1.RunId, "model", "first", new Dictionary<string, string> { ["k"] = "v" }, Cancel);
        var v2 = await Registry.CreateModelVersionAsync(ModelName, run2.RunId, "model", cancellationToken: Cancel);

        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(ModelVersionStatus.Ready, v1.Status);
        Assert.Equal(ModelStage.None, v1.Stage);
        Assert.Equal(run1.RunId, v1.RunId);
        Assert.Equal("model", v1.ArtifactPath);
        Assert.Equal("first", v1.Description);
        Assert.Equal("v", v1.Tags["k"]);
        Assert.Equal([2, 1], (await VersionsAsync()).Select(v => v.Version));
        Assert.Equal(run2.RunId, (await Registry.GetModelVersionAsync(ModelName, 2, Cancel)).RunId);
    }

    [Fact]
    public async Task A_run_without_the_model_folder_is_not_registered()
    {
        var run = await SeedRunAsync(withModel: false);
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.CreateModelVersionAsync(ModelName, run.RunId, "model", cancellationToken: Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.CreateModelVersionAsync(ModelName, "0123456789abcdef0123456789abcdef", "model", cancellationToken: Cancel));
        Assert.Empty(await VersionsAsync());
    }

    [Fact]
    public async Task Unknown_versions_and_models_are_not_found()
    {
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.GetModelVersionAsync(ModelName, 1, Cancel));
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        Assert.Contains("7", (await ThrowsWms(WmsErrorKind.NotFound, () => Registry.GetModelVersionAsync(ModelName, 7, Cancel))).Message);
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.SetAliasAsync(ModelName, "champion", 7, Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.TransitionStageAsync(ModelName, 7, ModelStage.Production, cancellationToken: Cancel));
        Assert.Null(await Registry.FindModelVersionByAliasAsync("no-such-model-" + ModelName, "production", Cancel));
    }

    [Fact]
    public async Task Aliases_point_move_and_disappear()
    {
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        Assert.Null(await Registry.FindModelVersionByAliasAsync(ModelName, "champion", Cancel));

        await Registry.SetAliasAsync(ModelName, "champion", 1, Cancel);
        Assert.Equal(1, (await Registry.FindModelVersionByAliasAsync(ModelName, "champion", Cancel))!.Version);
        await Registry.SetAliasAsync(ModelName, "champion", 2, Cancel);
        await Registry.SetAliasAsync(ModelName, "challenger", 1, Cancel);
        var byAlias = await Registry.FindModelVersionByAliasAsync(ModelName, "champion", Cancel);
        Assert.Equal(2, byAlias!.Version);
        Assert.Equal(["champion"], byAlias.Aliases);
        Assert.Equal([["champion"], ["challenger"]], (await VersionsAsync()).Select(v => v.Aliases.ToArray()));
        Assert.Equal(2, (await Registry.FindRegisteredModelAsync(ModelName, Cancel))!.Aliases["champion"]);

        await Registry.DeleteAliasAsync(ModelName, "challenger", Cancel);
        await Registry.DeleteAliasAsync(ModelName, "challenger", Cancel);
        Assert.Null(await Registry.FindModelVersionByAliasAsync(ModelName, "challenger", Cancel));
        await ThrowsWms(WmsErrorKind.InvalidInput, () => Registry.SetAliasAsync(ModelName, "latest", 1, Cancel));
        await ThrowsWms(WmsErrorKind.InvalidInput, () => Registry.SetAliasAsync(ModelName, "v2", 1, Cancel));
    }

    [Fact]
    public async Task Stages_transition_and_archive_the_existing_ones_on_request()
    {
        for (var i = 0; i < 3; i++)
            await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await Registry.TransitionStageAsync(ModelName, 1, ModelStage.Production, cancellationToken: Cancel);
        await Registry.TransitionStageAsync(ModelName, 2, ModelStage.Production, cancellationToken: Cancel);
        Assert.Equal(2, (await VersionsAsync()).Count(v => v.Stage == ModelStage.Production));

        var v3 = await Registry.TransitionStageAsync(ModelName, 3, ModelStage.Production, archiveExistingVersions: true, Cancel);
        Assert.Equal(ModelStage.Production, v3.Stage);
        Assert.Equal([ModelStage.Production, ModelStage.Archived, ModelStage.Archived], (await VersionsAsync()).Select(v => v.Stage));
        await Registry.TransitionStageAsync(ModelName, 1, ModelStage.Staging, cancellationToken: Cancel);
        Assert.Equal(ModelStage.Staging, (await Registry.GetModelVersionAsync(ModelName, 1, Cancel)).Stage);
    }

    [Fact]
    public async Task Version_tags_are_stored_and_overwritten()
    {
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await Registry.SetModelVersionTagAsync(ModelName, 1, "gate.passed", "false", Cancel);
        await Registry.SetModelVersionTagAsync(ModelName, 1, "gate.passed", "true", Cancel);
        Assert.Equal("true", (await Registry.GetModelVersionAsync(ModelName, 1, Cancel)).Tags["gate.passed"]);
    }

    [Fact]
    public async Task A_version_downloads_as_a_complete_folder_that_replaces_the_old_one()
    {
        var run = await SeedRunAsync(dice: 0.77);
        await Registry.CreateModelVersionAsync(ModelName, run.RunId, "model", cancellationToken: Cancel);
        var target = Temp.Combine("cache", "model");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.txt"), "from an older model");

        var folder = await Registry.DownloadModelVersionAsync(ModelName, 1, target, Cancel);
        Assert.Equal(Path.GetFullPath(target), folder);
        Assert.Equal(["MLmodel", "model.onnx", Path.Combine("native", "weights.dat")],
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal));
        Assert.Equal(77, File.ReadAllBytes(Path.Combine(folder, "model.onnx"))[4]);
        Assert.Equal([Path.GetFullPath(target)], Directory.GetFileSystemEntries(Temp.Combine("cache")));
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.DownloadModelVersionAsync(ModelName, 9, target, Cancel));
    }

    [Fact]
    public async Task References_resolve_to_versions_aliases_and_stages()
    {
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await Registry.TransitionStageAsync(ModelName, 1, ModelStage.Staging, cancellationToken: Cancel);
        await Registry.PromoteAsync(ModelName, 2, cancellationToken: Cancel);

        Assert.Equal(1, (await Registry.ResolveAsync(ModelName, "1", Cancel)).Version);
        Assert.Equal(1, (await Registry.ResolveAsync(ModelName, "v1", Cancel)).Version);
        Assert.Equal(2, (await Registry.ResolveAsync(ModelName, "production", Cancel)).Version);
        Assert.Equal(2, (await Registry.ResolveAsync(ModelName, "@production", Cancel)).Version);
        Assert.Equal(1, (await Registry.ResolveAsync(ModelName, "Staging", Cancel)).Version);
        Assert.Equal(2, (await Registry.FindProductionVersionAsync(ModelName, Cancel))!.Version);
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.ResolveAsync(ModelName, "previous", Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Registry.ResolveAsync(ModelName, "12", Cancel));
    }
}
