using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Wms.Core.Imaging;
using Wms.Core.Models;

namespace Wms.Core.Inference;

/// <summary>
/// The one inference path of serving and batch prediction: a photo, the training's exact
/// <see cref="Preprocessing.Prepare"/>, the ONNX model on ONNX Runtime, sigmoid &gt; 0.5. One
/// session, reused; safe to call from many threads at once (ONNX Runtime's Run is thread-safe);
/// <see cref="Dispose"/> waits for the calls in flight.
/// </summary>
public sealed class SegmentationEngine : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly InferenceOptions _options;
    private int _active;
    private int _disposed;

    private SegmentationEngine(ModelPackage package, InferenceSession session, string input, string output, int imageSize,
        MaskPostprocess postprocess, InferenceOptions options)
    {
        Package = package;
        _session = session;
        (_inputName, _outputName) = (input, output);
        ImageSize = imageSize;
        Postprocess = postprocess;
        _options = options;
    }

    /// <summary>The model that was loaded (path, SHA-256, run id).</summary>
    public ModelPackage Package { get; }

    /// <summary>The square size photos are resized to.</summary>
    public int ImageSize { get; }

    /// <summary>
    /// The size of <see cref="Prediction.Mask"/>: always 512x512, the original API's contract
    /// (clients read a 512x512 PNG). A model that runs at another size has its probabilities
    /// resized bilinearly to 512x512 and then thresholded, exactly as <c>wms eval</c> and the
    /// trainer's <c>final_test_*</c> measure it.
    /// </summary>
    public int MaskSize => Preprocessing.DefaultSize;

    /// <summary>
    /// What is done to each thresholded mask: the model's recorded choice (<c>wms-model.json</c>,
    /// else the ONNX metadata), unless <see cref="InferenceOptions.Postprocess"/> overrides it.
    /// </summary>
    public MaskPostprocess Postprocess { get; }

    /// <summary>How long the warm-up inference took (zero without warm-up).</summary>
    public TimeSpan WarmUpTime { get; private set; }

    /// <summary>Loads an ONNX file or model folder (verified by <see cref="ModelPackage.Open"/>) and warms it up.</summary>
    /// <param name="expectedOnnxSha256">When given, the ONNX file must have this hash (from the registry or a pull cache).</param>
    public static SegmentationEngine Load(string path, InferenceOptions? options = null, string? expectedOnnxSha256 = null) =>
        Load(ModelPackage.Open(path, expectedOnnxSha256), options);

    /// <summary>Loads a package already opened (and verified) by <see cref="ModelPackage.Open"/>.</summary>
    public static SegmentationEngine Load(ModelPackage package, InferenceOptions? options = null)
    {
        options ??= new InferenceOptions();
        // The bytes that were hashed are the bytes loaded: the file cannot be swapped in between.
        var bytes = ImageDecoder.ReadFile(package.OnnxPath);
        if (FileHash.Sha256(bytes) != package.OnnxSha256)
            throw new WmsException($"{package.OnnxPath}: changed while being loaded (SHA-256 differs)");

        // A first, unoptimized session (quick to create) reads what the model is; the real one is
        // then built for exactly the size it will run at.
        string input, output;
        int size;
        MaskPostprocess postprocess;
        Dictionary<string, long> pinned;
        using (var probe = OnnxSession.Create(package.OnnxPath, bytes, options with { OptimizeGraph = false }))
        {
            (input, output) = OnnxSession.CheckUNet(package.OnnxPath, probe);
            size = ResolveImageSize(package, probe);
            postprocess = options.Postprocess ?? ResolvePostprocess(package, probe);
            pinned = OnnxSession.SpatialSymbols(probe).ToDictionary(name => name, _ => (long)size);
        }

        var session = OnnxSession.Create(package.OnnxPath, bytes, options, pinned);
        try
        {
            var engine = new SegmentationEngine(package, session, input, output, size, postprocess, options);
            if (options.WarmUp) engine.WarmUp();
            return engine;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Decodes (refusing more than <see cref="InferenceOptions.MaxPixels"/> from the header alone) and predicts.</summary>
    /// <param name="name">Names the photo in error messages (file name, upload name).</param>
    public Prediction Predict(ReadOnlySpan<byte> encoded, string name, bool maskAtPhotoSize = false)
    {
        var start = Stopwatch.GetTimestamp();
        // The decoder checks the pixel count from the header before it allocates anything.
        var photo = ImageDecoder.DecodeRgb(encoded, name, _options.MaxPixels);
        var decode = Stopwatch.GetElapsedTime(start);
        var prediction = Predict(photo, maskAtPhotoSize);
        return prediction with { Timings = prediction.Timings with { Decode = decode } };
    }

    /// <summary>Predicts a decoded photo; <paramref name="maskAtPhotoSize"/> adds the mask resized back to the photo.</summary>
    public Prediction Predict(RgbImage photo, bool maskAtPhotoSize = false) => PredictBatch([photo], maskAtPhotoSize)[0];

    /// <summary>Several decoded photos in one inference (batch dimension N).</summary>
    public IReadOnlyList<Prediction> PredictBatch(IReadOnlyList<RgbImage> photos, bool maskAtPhotoSize = false)
    {
        ArgumentOutOfRangeException.ThrowIfZero(photos.Count);
        var plane = ImageSize * ImageSize;
        var input = new float[photos.Count * 3 * plane];
        var preprocess = new TimeSpan[photos.Count];
        for (var i = 0; i < photos.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Preprocessing.ToTensor(Preprocessing.Prepare(photos[i], ImageSize), input.AsSpan(i * 3 * plane, 3 * plane));
            preprocess[i] = Stopwatch.GetElapsedTime(start);
        }

        var inferenceStart = Stopwatch.GetTimestamp();
        var logits = RunLogits(input, photos.Count);
        var inference = Stopwatch.GetElapsedTime(inferenceStart) / photos.Count;

        var results = new Prediction[photos.Count];
        for (var i = 0; i < photos.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var (photo, mask) = (photos[i], Mask(logits.AsSpan(i * plane, plane)));
            var box = MaskAnalysis.BoundingBox(mask);
            results[i] = new Prediction(
                Mask: mask,
                PhotoMask: maskAtPhotoSize ? PilResize.Nearest(mask, photo.Width, photo.Height) : null,
                PhotoWidth: photo.Width,
                PhotoHeight: photo.Height,
                CoveragePercent: MaskAnalysis.CoveragePercent(mask),
                Box: box,
                PhotoBox: box is null ? null : MaskAnalysis.ToPhoto(box, MaskSize, MaskSize, photo.Width, photo.Height),
                Timings: new PredictionTimings(TimeSpan.Zero, preprocess[i], inference, Stopwatch.GetElapsedTime(start)));
        }
        return results;
    }

    private GrayImage Mask(ReadOnlySpan<float> logits) =>
        new(MaskSize, MaskSize, MaskAnalysis.Predicted(logits, ImageSize, MaskSize, Postprocess, foreground: 255));

    /// <summary>The raw model: <paramref name="input"/> is [batch, 3, size, size] floats, the result [batch, 1, size, size] logits.</summary>
    public float[] RunLogits(float[] input, int batch)
    {
        var plane = (long)ImageSize * ImageSize;
        if (batch <= 0 || input.LongLength != batch * 3 * plane)
            throw new ArgumentException($"expected {batch} x 3 x {ImageSize} x {ImageSize} floats, got {input.Length}", nameof(input));
        var logits = new float[batch * plane];
        Enter();
        try
        {
            using var runOptions = new RunOptions();
            using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [batch, ModelContract.InputChannels, ImageSize, ImageSize]);
            using var outputValue = OrtValue.CreateTensorValueFromMemory(logits, [batch, ModelContract.OutputChannels, ImageSize, ImageSize]);
            _session.Run(runOptions, [_inputName], [inputValue], [_outputName], [outputValue]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new WmsException($"{Package.OnnxPath}: inference failed ({e.Message.Split('\n')[0]})");
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
        return logits;
    }

    /// <summary>Waits for the inferences in flight, then frees the session; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        SpinWait.SpinUntil(() => Volatile.Read(ref _active) == 0);
        _session.Dispose();
    }

    private void Enter()
    {
        Interlocked.Increment(ref _active);
        if (Volatile.Read(ref _disposed) == 0) return;
        Interlocked.Decrement(ref _active);
        throw new ObjectDisposedException(nameof(SegmentationEngine));
    }

    private void WarmUp()
    {
        var start = Stopwatch.GetTimestamp();
        RunLogits(new float[3 * ImageSize * ImageSize], 1);
        WarmUpTime = Stopwatch.GetElapsedTime(start);
    }

    /// <summary>The folder's recorded post-processing, else the ONNX metadata's, else none; an unknown name is refused.</summary>
    private static MaskPostprocess ResolvePostprocess(ModelPackage package, InferenceSession session)
    {
        var name = package.Manifest?.Postprocess
                   ?? (session.ModelMetadata.CustomMetadataMap.TryGetValue(ModelContract.PostprocessMetadataKey, out var text) ? text : null);
        if (name is null) return MaskPostprocess.None;
        return MaskPostprocessNames.Parse(name)
               ?? throw new WmsException($"{package.OnnxPath}: unknown mask post-processing '{name}' (known: {string.Join(", ", MaskPostprocessNames.All)}); " +
                                         "the model was written by a newer wms");
    }

    /// <summary>The folder's declared size, else the ONNX metadata's, else a fixed input size, else the original's 512.</summary>
    private static int ResolveImageSize(ModelPackage package, InferenceSession session)
    {
        var metadata = session.ModelMetadata.CustomMetadataMap;
        int? fromMetadata = metadata.TryGetValue(ModelContract.ImageSizeMetadataKey, out var text)
                            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var fixedSize = OnnxSession.FixedSize(session);
        var size = package.ImageSize ?? fromMetadata ?? fixedSize ?? Preprocessing.DefaultSize;
        if (size < 16 || (fixedSize is { } f && f != size))
            throw new WmsException($"{package.OnnxPath}: input size {size} does not fit the model (fixed input {fixedSize?.ToString(CultureInfo.InvariantCulture) ?? "dynamic"})");
        return size;
    }
}
