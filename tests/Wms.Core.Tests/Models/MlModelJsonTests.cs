using System.Text.Json;
using Wms.Core.Models;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Models;

public sealed class MlModelJsonTests
{
    [Fact]
    public void The_MLmodel_becomes_the_JSON_object_log_model_takes()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("MLmodel");
        var created = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        File.WriteAllText(path, MlModelFile.Render(new MlModelSpec(512, 7_900_000, "0123456789abcdef0123456789abcdef", created, "abc123")));

        var root = JsonDocument.Parse(MlModelJson.FromFile(path)).RootElement;

        Assert.Equal("model", root.GetProperty("artifact_path").GetString());
        Assert.Equal("abc123", root.GetProperty("run_id").GetString());
        Assert.Equal("2026-11-28 08:00:00.000000", root.GetProperty("utc_time_created").GetString());
        Assert.Equal(7_900_000, root.GetProperty("model_size_bytes").GetInt64());
        var onnx = root.GetProperty("flavors").GetProperty("onnx");
        Assert.Equal(JsonValueKind.Null, onnx.GetProperty("code").ValueKind);
        Assert.Equal(["CUDAExecutionProvider", "CPUExecutionProvider"], onnx.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        Assert.StartsWith("[{", root.GetProperty("signature").GetProperty("inputs").GetString());
    }
}
