using System.Collections;
using TorchSharp.PyBridge;
using Wms.Core;
using static TorchSharp.torch;
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
    public static void Load(Module model, string path) => Read(path, () =>
    {
        if (IsPyTorch(path)) WithStateDict(path, tensors => LoadStateDict(path, model, tensors));
        else model.load(path, strict: true);
        return model;
    });

    /// <summary>
    /// A U-Net of the depth and width the weights have, with them loaded (the caller disposes it).
    /// The file's tensor shapes say which U-Net to build, so it is loaded once.
    /// </summary>
    public static UNet Open(string path) => Read(path, () =>
    {
        if (!IsPyTorch(path))
            return LoadOrDispose(Build(path, CheckpointShapes.ReadNative(path)), model => model.load(path, strict: true));
        return WithStateDict(path, tensors =>
            LoadOrDispose(Build(path, tensors.ToDictionary(kv => kv.Key, kv => kv.Value.shape, StringComparer.Ordinal)),
                model => LoadStateDict(path, model, tensors)));
    });

    /// <summary>Writes to a temporary file first, so a crash never leaves half a checkpoint under the real name.</summary>
    public static void Save(Module model, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        if (IsPyTorch(path)) model.save_py(temp);
        else model.save(temp);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Runs <paramref name="read"/> on an existing file; whatever it throws becomes one message naming the file.</summary>
    private static T Read<T>(string path, Func<T> read)
    {
        if (!File.Exists(path))
            throw WmsException.NotFound($"{path}: weights file not found");
        try
        {
            return read();
        }
        catch (Exception e) when (e is not WmsException)
        {
            throw NotWeights(path, FirstLine(e.Message), e);
        }
    }

    private static WmsException NotWeights(string path, string why, Exception? inner = null) =>
        new($"{path}: not U-Net weights this program can load ({why})", WmsErrorKind.InvalidInput, inner);

    /// <summary>A PyTorch state_dict, read once, given to <paramref name="use"/> and then disposed.</summary>
    private static T WithStateDict<T>(string path, Func<Dictionary<string, Tensor>, T> use)
    {
        var tensors = ReadStateDict(path);
        try
        {
            return use(tensors);
        }
        finally
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
        }
    }

    /// <summary>
    /// Loads a state_dict strictly, every shape checked first: loading copies tensors, and a copy
    /// broadcasts (a one-channel input's [16, 1, 3, 3] would fill a [16, 3, 3, 3] without a word).
    /// TorchSharp's native format checks shapes itself.
    /// </summary>
    private static Module LoadStateDict(string path, Module model, Dictionary<string, Tensor> tensors)
    {
        foreach (var (key, tensor) in model.state_dict())
        {
            if (tensors.TryGetValue(key, out var loaded) && !loaded.shape.SequenceEqual(tensor.shape))
                throw NotWeights(path, $"'{key}' is [{string.Join(", ", loaded.shape)}], the U-Net's is [{string.Join(", ", tensor.shape)}]");
        }
        model.load_state_dict(tensors, strict: true);
        return model;
    }

    /// <summary>A PyTorch state_dict unpickled whole; anything in the file that is not one of its tensors is disposed here.</summary>
    private static Dictionary<string, Tensor> ReadStateDict(string path)
    {
        Hashtable table;
        using (var stream = File.OpenRead(path)) table = PyTorchUnpickler.UnpickleStateDict(stream);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var nested = false;
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is string key && entry.Value is Tensor tensor) result[key] = tensor;
            else if (entry.Value is Tensor other) other.Dispose();
            else nested |= entry.Value is IDictionary;
        }
        if (nested && !result.ContainsKey(FirstWeight))
        {
            foreach (var tensor in result.Values) tensor.Dispose();
            throw NotWeights(path, "a dictionary holding other dictionaries, such as a training checkpoint, not a state_dict: save model.state_dict()");
        }
        return result;
    }

    private const string FirstWeight = "enc1.0.weight";

    /// <summary>The U-Net whose state_dict has these shapes: its depth from the encoder blocks, its width from the first convolution.</summary>
    private static UNet Build(string path, IReadOnlyDictionary<string, long[]> shapes)
    {
        if (UNet.DepthOf(shapes.Keys) is not { } depth || !shapes.TryGetValue(FirstWeight, out var first) || first.Length != 4)
            throw NotWeights(path, $"no '{FirstWeight}' of 4 dimensions");
        if (UNet.DepthProblem(depth) is { } depthProblem)
            throw NotWeights(path, $"encoder blocks enc1 to enc{depth}: the depth {depthProblem}");
        var width = (int)Math.Clamp(first[0], 0, int.MaxValue);
        if (UNet.BaseFiltersProblem(width) is { } widthProblem)
            throw NotWeights(path, $"'{FirstWeight}' has {first[0]} output channels: the width {widthProblem}");
        return new UNet(baseFilters: width, depth: depth);
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

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
