using System.Text.Json.Nodes;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Predict;

/// <summary>`wms predict` over generated photos with a pulled (or given) real ONNX model.</summary>
public sealed class PredictCommandTests(PredictModels models) : IDisposable
{
    private readonly PredictWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private async Task<(string RunId, int Version)> PullFirstAsync()
    {
        var registered = await _ws.RegisterAsync(models.First.Folder, 0.88, 0.79);
        await _ws.PulledAsync();
        return registered;
    }

    [Fact]
    public async Task A_folder_with_a_corrupt_photo_is_a_partial_failure_with_masks_for_the_rest_and_a_full_report()
    {
        var (runId, version) = await PullFirstAsync();
        var photos = _ws.WritePhotos("photos_to_predict", 4);
        File.WriteAllBytes(_ws.Combine("photos_to_predict", "broken.jpg"), File.ReadAllBytes(photos[0])[..600]);
        File.WriteAllText(_ws.Combine("photos_to_predict", "notes.txt"), "not a photo");
        Directory.CreateDirectory(_ws.Combine("predicted_masks"));
        File.WriteAllBytes(_ws.Combine("predicted_masks", "mask_broken.png"), [1]);

        var result = await _ws.RunAsync("predict", "--overlay");

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        Assert.Contains("broken.jpg", result.Stderr);
        Assert.Contains("skipped photos_to_predict/notes.txt", result.Stderr);
        var report = JsonNode.Parse(File.ReadAllText(_ws.Combine("predicted_masks", "predictions.json")))!;
        Assert.Equal((5, 4, 1), (report["photos"]!.GetValue<int>(), report["succeeded"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
        var model = report["model"]!;
        Assert.Equal(("cache", version, runId), (model["kind"]!.GetValue<string>(), model["version"]!.GetValue<int>(), model["run_id"]!.GetValue<string>()));
        Assert.Equal(models.First.OnnxSha256, model["onnx_sha256"]!.GetValue<string>());
        Assert.Contains(runId, model["source"]!.GetValue<string>());
        var skipped = Assert.Single(report["skipped"]!.AsArray());
        Assert.Equal("photos_to_predict/notes.txt", skipped!["file"]!.GetValue<string>());

        var entries = report["predictions"]!.AsArray().ToDictionary(p => p!["file"]!.GetValue<string>());
        var failed = entries["photos_to_predict/broken.jpg"]!;
        Assert.Contains("broken.jpg", failed["error"]!.GetValue<string>());
        Assert.Null(failed["mask"]);
        Assert.False(File.Exists(_ws.Combine("predicted_masks", "mask_broken.png")));
        foreach (var photo in photos)
        {
            var stem = Path.GetFileNameWithoutExtension(photo);
            var entry = entries[$"photos_to_predict/{stem}.jpg"]!;
            Assert.Null(entry["error"]);
            var info = ImageDecoder.ReadInfo(File.ReadAllBytes(photo), photo);
            var mask = ImageDecoder.DecodeGray(_ws.Combine("predicted_masks", $"mask_{stem}.png"));
            Assert.Equal((info.Width, info.Height), (mask.Width, mask.Height));
            Assert.Equal((info.Width, info.Height), (entry["width"]!.GetValue<int>(), entry["height"]!.GetValue<int>()));
            Assert.All(mask.Pixels, p => Assert.True(p is 0 or 255));
            Assert.Equal(BoxJson(MaskAnalysis.BoundingBox(mask)), entry["box"]?.ToJsonString());
            Assert.InRange(entry["coverage_percent"]!.GetValue<double>(), 0, 100);
            Assert.True(entry["latency_ms"]!.GetValue<double>() > 0);
            Assert.Equal($"overlay_{stem}.jpg", entry["overlay"]!.GetValue<string>());
            var overlay = ImageDecoder.DecodeRgb(_ws.Combine("predicted_masks", $"overlay_{stem}.jpg"));
            Assert.Equal((info.Width, info.Height), (overlay.Width, overlay.Height));
        }
        Assert.Empty(Directory.GetFiles(_ws.Combine("predicted_masks"), "*.tmp"));
    }

    [Fact]
    public async Task The_mask_written_equals_the_engines_and_the_TorchSharp_models_mask()
    {
        await PullFirstAsync();
        var photo = _ws.WritePhotos("in", 1, seed: 9)[0];

        var model = await _ws.RunAsync("predict", "in", "--out", "model-size", "--mask-size", "model");
        var full = await _ws.RunAsync("predict", "in", "--out", "photo-size");

        Assert.True(model.ExitCode == ExitCodes.Success, model.ToString());
        Assert.True(full.ExitCode == ExitCodes.Success, full.ToString());
        var stem = Path.GetFileNameWithoutExtension(photo);
        var written = ImageDecoder.DecodeGray(_ws.Combine("model-size", $"mask_{stem}.png"));
        var writtenFull = ImageDecoder.DecodeGray(_ws.Combine("photo-size", $"mask_{stem}.png"));
        using var engine = SegmentationEngine.Load(models.First.Folder, new InferenceOptions { IntraOpThreads = 1 });
        var expected = engine.Predict(File.ReadAllBytes(photo), photo, maskAtPhotoSize: true);
        Assert.Equal((512, 512), (written.Width, written.Height)); // the API's size, whatever the model's
        Assert.Equal(expected.Mask.Pixels, written.Pixels);
        Assert.Equal(expected.PhotoMask!.Pixels, writtenFull.Pixels);
        Assert.InRange(expected.CoveragePercent, 1, 99);

        // libtorch's probabilities, upsampled to 512x512 as the engine and `wms eval` do.
        var (_, logits) = TorchSharpMask.Predict(models.First.Model, ImageDecoder.DecodeRgb(photo), PredictModels.ImageSize);
        var probabilities = Wms.Core.Evaluation.ProbabilityResize.Probabilities(logits, PredictModels.ImageSize, 512);
        var differing = Enumerable.Range(0, probabilities.Length).Where(i => (probabilities[i] > 0.5f ? 255 : 0) != written.Pixels[i]).ToList();
        // ONNX Runtime and libtorch sum in different orders: only pixels on the decision boundary may differ.
        Assert.All(differing, i => Assert.True(Math.Abs(probabilities[i] - 0.5f) < 1e-3, $"pixel {i}: probability {probabilities[i]}"));
    }

    [Fact]
    public async Task A_bare_onnx_file_can_be_given_and_json_prints_the_report()
    {
        _ws.WritePhotos("in", 2);

        var (result, json) = await _ws.JsonAsync("predict", "in", "--model", models.First.OnnxPath, "--out", "out", "--mask-size", "model", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(("onnx", models.First.OnnxPath), (json["model"]!["kind"]!.GetValue<string>(), json["model"]!["path"]!.GetValue<string>()));
        Assert.Null(json["model"]!["version"]);
        Assert.Equal("model", json["mask_size"]!.GetValue<string>());
        Assert.Equal(2, json["succeeded"]!.GetValue<int>());
        Assert.Equal(json.ToJsonString(), JsonNode.Parse(File.ReadAllText(_ws.Combine("out", "predictions.json")))!.ToJsonString());
        Assert.All(json["predictions"]!.AsArray(), p => Assert.Equal(512, p!["mask_width"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_model_folder_can_be_given_and_photos_named_one_by_one()
    {
        var photos = _ws.WritePhotos("in", 2);
        File.Copy(photos[0], _ws.Combine("in", "same.png.jpg"));

        var result = await _ws.RunAsync("predict", photos[0], "in/same.png.jpg", photos[0], "--model", models.First.Folder, "--out", "out");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var report = JsonNode.Parse(File.ReadAllText(_ws.Combine("out", "predictions.json")))!;
        Assert.Equal(("folder", 2), (report["model"]!["kind"]!.GetValue<string>(), report["photos"]!.GetValue<int>()));
        Assert.True(File.Exists(_ws.Combine("out", $"mask_{Path.GetFileNameWithoutExtension(photos[0])}.png")));
        Assert.True(File.Exists(_ws.Combine("out", "mask_same.png.png")));
    }

    [Theory]
    [InlineData("--threads", "100000", "--threads: must be between 0 (all cores) and 256, not 100000")]
    [InlineData("--threads", "-1", "--threads: must be between 0 (all cores) and 256, not -1")]
    [InlineData("--parallel", "5000", "--parallel: must be between 0 (automatic) and 256, not 5000")]
    public async Task A_thread_count_out_of_range_is_refused_before_any_photo(string option, string value, string expected)
    {
        _ws.WritePhotos("in", 1);

        var result = await _ws.RunAsync("predict", "in", "--model", models.First.Folder, "--out", "out", option, value);

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.False(Directory.Exists(_ws.Combine("out")));
    }

    [Fact]
    public async Task An_output_path_taken_by_a_file_is_invalid_usage_naming_it_not_a_bug()
    {
        _ws.WritePhotos("in", 1);
        File.WriteAllText(_ws.Combine("out"), "a file in the way");

        var result = await _ws.RunAsync("predict", "in", "--model", models.First.Folder, "--out", "out");

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains($"error: The file '{_ws.Combine("out")}' already exists.", result.Stderr);
        Assert.DoesNotContain("unexpected", result.Stderr);
        Assert.Equal("a file in the way", File.ReadAllText(_ws.Combine("out")));
    }

    [Fact]
    public async Task When_every_photo_fails_the_exit_code_still_says_so()
    {
        Directory.CreateDirectory(_ws.Combine("in"));
        File.WriteAllText(_ws.Combine("in", "a.jpg"), "text, not a JPEG");
        File.WriteAllBytes(_ws.Combine("in", "b.png"), []);

        var result = await _ws.RunAsync("predict", "in", "--model", models.First.Folder, "--out", "out");

        Assert.Equal(ExitCodes.PartialFailure, result.ExitCode);
        var report = JsonNode.Parse(File.ReadAllText(_ws.Combine("out", "predictions.json")))!;
        Assert.Equal((2, 0, 2), (report["photos"]!.GetValue<int>(), report["succeeded"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
        Assert.Contains("empty file", result.Stderr);
    }

    [Theory]
    [InlineData("model.onnx")]
    [InlineData("best.dat")]
    [InlineData("wms-cache.json")]
    [InlineData("MLmodel")]
    public async Task A_half_downloaded_cache_is_refused(string missing)
    {
        await PullFirstAsync();
        _ws.WritePhotos("photos_to_predict", 1);
        File.Delete(_ws.Combine("models", "production", missing));

        var result = await _ws.RunAsync("predict");

        AssertRefused(result);
    }

    [Fact]
    public async Task A_corrupted_cache_is_refused_and_pull_force_repairs_it()
    {
        await PullFirstAsync();
        _ws.WritePhotos("photos_to_predict", 1);
        ModelPullCommandTests.FlipByte(_ws.Combine("models", "production", "model.onnx"));

        var refused = await _ws.RunAsync("predict");
        var refusedByPath = await _ws.RunAsync("predict", "--model", "models/production");

        AssertRefused(refused);
        Assert.Contains("SHA-256", refused.Stderr);
        AssertRefused(refusedByPath);
        Assert.True((await _ws.RunAsync("model", "pull", "--force")).ExitCode == ExitCodes.Success);
        var repaired = await _ws.RunAsync("predict");
        Assert.True(repaired.ExitCode == ExitCodes.Success, repaired.ToString());
    }

    [Fact]
    public async Task Without_a_cache_or_photos_the_user_is_told_what_to_do()
    {
        _ws.WritePhotos("photos_to_predict", 1);
        var noCache = await _ws.RunAsync("predict");
        Assert.Equal(ExitCodes.NotFound, noCache.ExitCode);
        Assert.Contains("wms model pull", noCache.Stderr);

        var noFolder = await _ws.RunAsync("predict", "missing", "--model", models.First.Folder);
        Assert.Equal(ExitCodes.NotFound, noFolder.ExitCode);
        Assert.Contains("missing", noFolder.Stderr);

        Directory.CreateDirectory(_ws.Combine("empty"));
        File.WriteAllText(_ws.Combine("empty", "readme.md"), "nothing");
        var empty = await _ws.RunAsync("predict", "empty", "--model", models.First.Folder);
        Assert.Equal(ExitCodes.NotFound, empty.ExitCode);
        Assert.Contains("skipped empty/readme.md", empty.Stderr);
    }

    [Fact]
    public async Task Real_unlabeled_photos_get_masks_at_their_size()
    {
        var folder = Path.Combine(TestEnvironment.RequireWaterMeters(), "unlabeled");

        var (result, json) = await _ws.JsonAsync("predict", folder, "--model", models.First.Folder, "--out", "out");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var photos = ImageFiles.List(folder);
        Assert.Equal(photos.Count, json["succeeded"]!.GetValue<int>());
        using var engine = SegmentationEngine.Load(models.First.Folder, new InferenceOptions { IntraOpThreads = 1 });
        var first = photos[0];
        var expected = engine.Predict(File.ReadAllBytes(first), first, maskAtPhotoSize: true);
        var written = ImageDecoder.DecodeGray(_ws.Combine("out", $"mask_{Path.GetFileNameWithoutExtension(first)}.png"));
        Assert.Equal((expected.PhotoWidth, expected.PhotoHeight), (written.Width, written.Height));
        Assert.Equal(expected.PhotoMask!.Pixels, written.Pixels);
    }

    private void AssertRefused(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.InvalidUsage, result.ToString());
        // The console wraps long lines at spaces.
        var stderr = string.Join(' ', result.Stderr.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("corrupt or incomplete model cache", stderr);
        Assert.Contains("wms model pull --force", stderr);
        Assert.False(Directory.Exists(_ws.Combine("predicted_masks")));
    }

    private static string? BoxJson(MaskBox? box) =>
        box is null ? null : new JsonObject { ["x"] = box.X, ["y"] = box.Y, ["width"] = box.Width, ["height"] = box.Height }.ToJsonString();
}
