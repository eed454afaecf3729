using System.Text.Json.Nodes;
using Wms.Core.Tracking;
using Xunit;

namespace Wms.Core.Tests.Tracking.Contract;

public abstract partial class TrackingBackendContract
{
    [Fact]
    public async Task Artifact_files_and_folders_round_trip_byte_for_byte()
    {
        var runId = await NewRunAsync();
        var source = Directory.CreateDirectory(Temp.Combine("upload")).FullName;
        var blob = new byte[70_000];
        new Random(7).NextBytes(blob);
        File.WriteAllBytes(Path.Combine(source, "blob.bin"), blob);
        Directory.CreateDirectory(Path.Combine(source, "nested", "deeper"));
        File.WriteAllText(Path.Combine(source, "nested", "deeper", "notes.txt"), "hello");
        File.WriteAllText(Temp.Combine("training.log"), "epoch 1\n");

        await Store.LogArtifactsAsync(runId, source, "model", Cancel);
        await Store.LogArtifactAsync(runId, Temp.Combine("training.log"), cancellationToken: Cancel);
        await Store.LogArtifactAsync(runId, Temp.Combine("training.log"), "logs/today", Cancel);

        Assert.Equal(
            [new ArtifactEntry("logs", true, null), new ArtifactEntry("model", true, null), new ArtifactEntry("training.log", false, 8)],
            await Store.ListArtifactsAsync(runId, cancellationToken: Cancel));
        Assert.Equal(
            [new ArtifactEntry("model/blob.bin", false, 70_000), new ArtifactEntry("model/nested", true, null)],
            await Store.ListArtifactsAsync(runId, "model", Cancel));
        Assert.Empty(await Store.ListArtifactsAsync(runId, "no-such-folder", Cancel));

        var folder = await Store.DownloadArtifactsAsync(runId, "model", Temp.Combine("download"), Cancel);
        Assert.Equal(blob, File.ReadAllBytes(Path.Combine(folder, "blob.bin")));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(folder, "nested", "deeper", "notes.txt")));
        Assert.Equal(2, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length);

        var file = await Store.DownloadArtifactsAsync(runId, "logs/today/training.log", Temp.Combine("single"), Cancel);
        Assert.Equal(Temp.Combine("single", "training.log"), file);
        Assert.Equal("epoch 1\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_missing_artifact_is_not_found()
    {
        var runId = await NewRunAsync();
        File.WriteAllText(Temp.Combine("a.txt"), "a");
        await Store.LogArtifactAsync(runId, Temp.Combine("a.txt"), "data", Cancel);
        await ThrowsWms(WmsErrorKind.NotFound, () => Store.DownloadArtifactsAsync(runId, "data/nope.txt", Temp.Combine("d1"), Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Store.DownloadArtifactsAsync(runId, "nothing/here", Temp.Combine("d2"), Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Store.LogArtifactAsync(runId, Temp.Combine("not-there.txt"), cancellationToken: Cancel));
        await ThrowsWms(WmsErrorKind.InvalidInput, () => Store.LogArtifactAsync(runId, Temp.Combine("a.txt"), "../escape", Cancel));
    }

    [Fact]
    public async Task A_logged_model_is_recorded_in_the_run_history()
    {
        var runId = await NewRunAsync();
        var model = new JsonObject
        {
            ["run_id"] = runId, ["artifact_path"] = "model", ["utc_time_created"] = "2026-01-01 12:00:00.000000",
            ["model_uuid"] = "0f5c2c9f8b6e4c7a9d3e1b2a4c6d8e0f", ["flavors"] = new JsonObject { ["onnx"] = new JsonObject { ["data"] = "model.onnx" } },
            ["signature"] = new JsonObject { ["inputs"] = "[]" },
        };
        await Store.LogModelAsync(runId, model.ToJsonString(), Cancel);

        var run = await Store.GetRunAsync(runId, Cancel);
        Assert.Equal(["model"], LoggedModelHistory.ArtifactPaths(run));
        var entry = JsonNode.Parse(run.Tags[LoggedModelHistory.TagKey])!.AsArray().Single()!;
        Assert.Equal("model.onnx", entry["flavors"]!["onnx"]!["data"]!.GetValue<string>());

        var incomplete = new JsonObject { ["run_id"] = runId, ["artifact_path"] = "model" }.ToJsonString();
        Assert.Contains("flavors", (await ThrowsWms(WmsErrorKind.InvalidInput, () => Store.LogModelAsync(runId, incomplete, Cancel))).Message);
    }
}
