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

    /// <summary>Loads every weight strictly (all 128 keys, right shapes) or fails naming the file.</summary>
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

    /// <summary>Fails like <see cref="Load"/> when the file is not loadable U-Net weights.</summary>
    public static void Check(string path)
    {
        using var model = new UNet();
        Load(model, path);
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
