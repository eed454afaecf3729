using System.Text.Json;
using Wms.Core;
using Wms.Core.Models;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Models;

/// <summary>
/// The folder layout and its integrity checks. The ONNX bytes here are arbitrary: the folder
/// layer does not interpret them (the engine does; see the engine tests for real models).
/// </summary>
public sealed class ModelFolderTests
{
    private static readonly byte[] Onnx = [8, 8, 18, 3, 119, 109, 115, 0, 1, 2, 3];

    [Fact]
    public void The_folder_holds_what_MLflow_and_our_consumers_need()
    {
        using var temp = new TempDirectory();
        var (pth, dat) = Weights(temp);
        var time = new FixedTime(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

        var package = ModelFolderWriter.Write(temp.Combine("model"), new ModelFolderContent
        {
            Onnx = Onnx, ImageSize = 256, ExtraFiles = [pth, dat], RunId = "run42",
        }, time);

        var folder = temp.Combine("model");
        Assert.Equal(
            ["MLmodel", "best.dat", "best.pth", "conda.yaml", "model.onnx", "python_env.yaml", "requirements.txt", "wms-model.json"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Onnx, File.ReadAllBytes(Path.Combine(folder, "model.onnx")));
        Assert.Equal(File.ReadAllBytes(pth), File.ReadAllBytes(Path.Combine(folder, "best.pth")));
        Assert.Equal("mlflow==2.17.2\nonnx==1.17.0\nonnxruntime==1.20.1\n", File.ReadAllText(Path.Combine(folder, "requirements.txt")));
        Assert.Contains("- -r requirements.txt", File.ReadAllText(Path.Combine(folder, "python_env.yaml")));
        Assert.Contains("  - onnx==1.17.0", File.ReadAllText(Path.Combine(folder, "conda.yaml")));

        var mlModel = File.ReadAllText(Path.Combine(folder, "MLmodel"));
        var expectedSize = Directory.GetFiles(folder).Where(f => !f.EndsWith("MLmodel", StringComparison.Ordinal) && !f.EndsWith("wms-model.json", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);
        Assert.Contains($"model_size_bytes: {expectedSize}\n", mlModel);
        Assert.Contains("run_id: run42\n", mlModel);
        Assert.Contains("utc_time_created: '2026-03-04 05:06:07.000000'", mlModel);
        Assert.Matches("model_uuid: [0-9a-f]{32}\n", mlModel);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "wms-model.json")));
        var root = manifest.RootElement;
        Assert.Equal(FileHash.Sha256(Onnx), root.GetProperty("onnx_sha256").GetString());
        Assert.Equal(256, root.GetProperty("image_size").GetInt32());
        Assert.Equal("logits", root.GetProperty("output_name").GetString());
        Assert.Equal(7, root.GetProperty("files").GetArrayLength());

        Assert.Equal(folder, package.Path);
        Assert.True(package.IsFolder);
        Assert.Equal(Path.Combine(folder, "model.onnx"), package.OnnxPath);
        Assert.Equal(FileHash.Sha256(Onnx), package.OnnxSha256);
        Assert.Equal(256, package.ImageSize);
        Assert.Equal("run42", package.RunId);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(temp.Path), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Theory]
    [InlineData("model.onnx")]
    [InlineData("best.pth")]
    public void A_changed_file_is_detected_naming_it(string file)
    {
        using var temp = new TempDirectory();
        var folder = Write(temp);
        var path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 1;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<WmsException>(() => ModelPackage.Open(folder));

        Assert.Contains(path, error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void A_missing_file_is_detected_naming_it()
    {
        using var temp = new TempDirectory();
        var folder = Write(temp);
        File.Delete(Path.Combine(folder, "best.dat"));

        var error = Assert.Throws<WmsException>(() => ModelPackage.Open(folder));

        Assert.Contains(Path.Combine(folder, "best.dat"), error.Message);
    }

    [Fact]
    public void A_folder_without_MLmodel_or_onnx_file_is_refused()
    {
        using var temp = new TempDirectory();
        var empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        Assert.Contains("no MLmodel", Assert.Throws<WmsException>(() => ModelPackage.Open(empty)).Message);

        var folder = Write(temp);
        File.Delete(Path.Combine(folder, "model.onnx"));
        Assert.Contains(Path.Combine(folder, "model.onnx"), Assert.Throws<WmsException>(() => ModelPackage.Open(folder)).Message);

        var missing = Assert.Throws<WmsException>(() => ModelPackage.Open(temp.Combine("nothing-here")));
        Assert.Equal(WmsErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public void A_bare_onnx_file_opens_and_an_expected_hash_is_enforced()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("m.onnx");
        File.WriteAllBytes(path, Onnx);

        var package = ModelPackage.Open(path, FileHash.Sha256(Onnx).ToUpperInvariant());
        Assert.False(package.IsFolder);
        Assert.Null(package.ImageSize);
        Assert.Equal(path, package.OnnxPath);

        var error = Assert.Throws<WmsException>(() => ModelPackage.Open(path, new string('0', 64)));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void An_existing_folder_is_a_conflict_unless_overwriting_and_then_is_replaced_whole()
    {
        using var temp = new TempDirectory();
        var folder = Write(temp);
        File.WriteAllText(Path.Combine(folder, "stale.txt"), "old");
        var content = new ModelFolderContent { Onnx = [1, 2, 3] };

        var error = Assert.Throws<WmsException>(() => ModelFolderWriter.Write(folder, content));
        Assert.Equal(WmsErrorKind.Conflict, error.Kind);

        var package = ModelFolderWriter.Write(folder, content, overwrite: true);
        Assert.Equal(FileHash.Sha256([1, 2, 3]), package.OnnxSha256);
        Assert.False(File.Exists(Path.Combine(folder, "stale.txt")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(temp.Path), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public void A_missing_extra_file_fails_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<WmsException>(() => ModelFolderWriter.Write(temp.Combine("model"),
            new ModelFolderContent { Onnx = Onnx, ExtraFiles = [temp.Combine("best.pth")] }));

        Assert.Equal(WmsErrorKind.NotFound, error.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    private static string Write(TempDirectory temp)
    {
        var (pth, dat) = Weights(temp);
        var folder = temp.Combine("model");
        ModelFolderWriter.Write(folder, new ModelFolderContent { Onnx = Onnx, ExtraFiles = [pth, dat] });
        return folder;
    }

    private static (string Pth, string Dat) Weights(TempDirectory temp)
    {
        var dir = temp.Combine("weights");
        Directory.CreateDirectory(dir);
        var (pth, dat) = (Path.Combine(dir, "best.pth"), Path.Combine(dir, "best.dat"));
        File.WriteAllBytes(pth, [1, 2, 3, 4]);
        File.WriteAllBytes(dat, [5, 6, 7]);
        return (pth, dat);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
