using TorchSharp.PyBridge;
using Wms.Core;
using static TorchSharp.torch.nn;

namespace Wms.Training.Model;

/// <summary>
/// Reads and writes the U-Net's weights: PyTorch state_dicts (<c>.pth</c>/<c>.pt</c>, what the
/// Python system's users have) and TorchSharp's native format (anything else, e.g. <c>.dat</c>).
/// </summary>
public static class Checkpoints
{
    public const string PthFileName = "best.pth";
    public const string NativeFileName = "best.dat";

    public static bool IsPyTorch(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pth" or ".pt";

    /// <summary>Loads every weight strictly (all keys of <paramref name="model"/>'s depth, right shapes) or fails naming the file.</summary>
    public static void Load(Module model, string path)
    {
        if (!File.Exists(path))
            throw WmsException.NotFound($"{path}: weights file not found");
        try
        {
            if (IsPyTorch(path)) model.load_py(path, strict: true);
            else model.load(path, strict: true);
        }
        catch (Exception e) when (e is not WmsException)
        {
            throw new WmsException($"{path}: not U-Net weights this program can load ({FirstLine(e.Message)})", WmsErrorKind.InvalidInput, e);
        }
    }

    /// <summary>
    /// A U-Net of the depth and width the weights have, with them loaded (the caller disposes it).
    /// The file's tensor shapes say which U-Net to build, so it is loaded once.
    /// </summary>
    public static UNet Open(string path)
    {
        if (!File.Exists(path))
            throw WmsException.NotFound($"{path}: weights file not found");
        try
        {
            if (!IsPyTorch(path))
            {
                var native = Build(path, CheckpointShapes.ReadNative(path));
                return LoadOrDispose(native, model => model.load(path, strict: true));
            }
            var tensors = CheckpointShapes.ReadPyTorch(path);
            try
            {
                var model = Build(path, tensors.ToDictionary(kv => kv.Key, kv => kv.Value.shape, StringComparer.Ordinal));
                return LoadOrDispose(model, m => m.load_state_dict(tensors, strict: true));
            }
            finally
            {
                foreach (var tensor in tensors.Values) tensor.Dispose();
            }
        }
        catch (Exception e) when (e is not WmsException)
        {
            throw new WmsException($"{path}: not U-Net weights this program can load ({FirstLine(e.Message)})", WmsErrorKind.InvalidInput, e);
        }
    }

    /// <summary>The U-Net whose state_dict has these shapes: its depth from the encoder blocks, its width from the first convolution.</summary>
    private static UNet Build(string path, IReadOnlyDictionary<string, long[]> shapes)
    {
        if (UNet.DepthOf(shapes.Keys) is not { } depth || !shapes.TryGetValue("enc1.0.weight", out var first) || first.Length != 4 || first[0] < 1)
            throw new WmsException($"{path}: not U-Net weights this program can load (no 'enc1.0.weight' of 4 dimensions)", WmsErrorKind.InvalidInput);
        if (UNet.DepthProblem(depth) is { } problem)
            throw new WmsException($"{path}: U-Net weights with encoder blocks enc1 to enc{depth}: the depth {problem}", WmsErrorKind.InvalidInput);
        return new UNet(baseFilters: (int)first[0], depth: depth);
    }

    private static UNet LoadOrDispose(UNet model, Action<UNet> load)
    {
        try
        {
            load(model);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Writes to a temporary file first, so a crash never leaves half a checkpoint under the real name.</summary>
    public static void Save(Module model, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        if (IsPyTorch(path)) model.save_py(temp);
        else model.save(temp);
        File.Move(temp, path, overwrite: true);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
