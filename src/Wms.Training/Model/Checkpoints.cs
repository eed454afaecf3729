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
    /// A U-Net of the depth the weights have, with them loaded (the caller disposes it). The
    /// original's depth is tried first; when no depth fits, the error is the original's.
    /// </summary>
    public static UNet Open(string path)
    {
        WmsException? first = null;
        foreach (var depth in UNet.Depths)
        {
            var model = new UNet(depth: depth);
            try
            {
                Load(model, path);
                return model;
            }
            catch (WmsException e)
            {
                model.Dispose();
                if (e.Kind != WmsErrorKind.InvalidInput) throw;
                first ??= e;
            }
        }
        throw first!;
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
