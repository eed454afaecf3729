using System.Text.Json;
using Wms.Core;

namespace Wms.Training.Runs;

/// <summary>Reads and writes <c>metrics.json</c> (written to a temporary name first, then moved).</summary>
public static class RunMetricsFile
{
    public static void Write(string path, RunMetrics metrics)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(metrics, RunMetricsJsonContext.Default.RunMetrics));
        File.Move(temp, path, overwrite: true);
    }

    public static RunMetrics Read(string path)
    {
        if (!File.Exists(path)) throw WmsException.NotFound($"{path}: metrics file not found");
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), RunMetricsJsonContext.Default.RunMetrics)
                ?? throw new WmsException($"{path}: empty metrics file");
        }
        catch (JsonException e)
        {
            throw new WmsException($"{path}: not a run's metrics.json ({e.Message})");
        }
    }
}
