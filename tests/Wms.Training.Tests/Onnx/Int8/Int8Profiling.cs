using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Wms.Core.Models;

namespace Wms.Training.Tests.Onnx.Int8;

/// <summary>Which kernels ONNX Runtime really ran, from its profile (after its graph optimizations).</summary>
internal static class Int8Profiling
{
    public static Dictionary<string, int> KernelOps(byte[] onnx, float[] input, int size)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"wms-int8-profile-{Guid.NewGuid():N}");
        string profile;
        using (var options = new SessionOptions { IntraOpNumThreads = 2, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL })
        {
            options.EnableProfiling = true;
            options.ProfileOutputPathPrefix = prefix;
            using var session = new InferenceSession(onnx, options);
            using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, size, size]);
            using (session.Run(new RunOptions(), [ModelContract.InputName], [value], [ModelContract.OutputName])) { }
            profile = session.EndProfiling();
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(profile));
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in document.RootElement.EnumerateArray())
            {
                if (e.GetProperty("cat").GetString() != "Node" || !e.GetProperty("name").GetString()!.EndsWith("_kernel_time", StringComparison.Ordinal))
                    continue;
                var op = e.GetProperty("args").GetProperty("op_name").GetString()!;
                counts[op] = counts.GetValueOrDefault(op) + 1;
            }
            return counts;
        }
        finally
        {
            File.Delete(profile);
        }
    }
}
