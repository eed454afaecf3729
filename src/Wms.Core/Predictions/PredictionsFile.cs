using System.Text.Json;

namespace Wms.Core.Predictions;

/// <summary>Writes and reads <c>predictions.json</c>.</summary>
public static class PredictionsFile
{
    /// <summary>Writes the report to <c>OutputDirectory/predictions.json</c> atomically; returns its path.</summary>
    public static string Write(PredictionsReport report)
    {
        var path = Path.Combine(report.OutputDirectory, OutputNames.PredictionsFile);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(report, PredictionsJsonContext.Default.PredictionsReport));
        return path;
    }
}
