using System.Text.Json;
using Wms.Core;

namespace Wms.Cli.Pipeline;

/// <summary>Reads and writes a pipeline run's <c>state.json</c>; every write replaces the file atomically.</summary>
public static class PipelineStateFile
{
    public const string FileName = "state.json";

    public static PipelineState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), PipelineJsonContext.Default.PipelineState)
                ?? throw new WmsException($"{path}: empty pipeline state");
        }
        catch (JsonException e)
        {
            throw new WmsException($"{path}: not a valid pipeline state ({e.Message}); move it aside to start this pipeline run afresh", WmsErrorKind.InvalidInput, e);
        }
    }

    public static void Save(string path, PipelineState state) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(state, PipelineJsonContext.Default.PipelineState));
}
