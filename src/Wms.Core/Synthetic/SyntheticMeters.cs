using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Core.Synthetic;

/// <summary>
/// Meter-like synthetic photos with exact masks of the counter window, so everything runs on a
/// fresh machine without real data. A sample depends only on (seed, index, options): the same
/// inputs give identical bytes with the same SkiaSharp build, in any order and in parallel.
/// </summary>
/// <remarks>
/// Draw streams are separate (scene, camera effects, labels), so the same seed at another
/// <see cref="SyntheticOptions.NoiseLevel"/> or <see cref="SyntheticOptions.MislabeledFraction"/>
/// shows the same meters, only degraded or mislabeled.
/// </remarks>
public static class SyntheticMeters
{
    private const ulong SceneStream = 0, EffectStream = 1, LabelStream = 2;

    /// <summary>The file stem of sample <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public static string StemFor(int seed, int index) => $"synth_{seed}_{index:D5}";

    /// <summary>
    /// Writes samples 0..<paramref name="count"/>-1 of <paramref name="seed"/> to
    /// <c><paramref name="directory"/>/images/STEM.jpg</c> and <c>masks/STEM.png</c>, in parallel.
    /// </summary>
    /// <param name="directory">The data folder; created if missing.</param>
    /// <param name="count">How many pairs (0 or more).</param>
    /// <param name="seed">Seed (0 or more); same seed and options, same files.</param>
    /// <param name="options">Sizes, noise level and label noise; defaults when null.</param>
    /// <param name="replace">
    /// When false, a non-empty <c>images/</c> or <c>masks/</c> is refused (<see cref="WmsErrorKind.Conflict"/>);
    /// when true, both folders are replaced as a whole, so no stale file from an earlier set stays.
    /// Other files in <paramref name="directory"/> are never touched.
    /// </param>
    /// <param name="progress">Told the number of pairs written so far (from worker threads).</param>
    /// <param name="cancellationToken">Stops the run; nothing is left behind.</param>
    public static SyntheticSummary Generate(string directory, int count, int seed, SyntheticOptions? options = null,
        bool replace = false, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new SyntheticOptions();
        options.Validate();
        if (count < 0) throw new WmsException($"count: {count} is negative");
        if (seed < 0) throw new WmsException($"seed: {seed} is negative");
        return SyntheticDataset.Write(directory, count, seed, options, replace, progress, cancellationToken);
    }

    /// <summary>Renders one sample in memory.</summary>
    public static SyntheticSample Render(int seed, int index, SyntheticOptions? options = null)
    {
        options ??= new SyntheticOptions();
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        var rng = SynthRandom.For(seed, index, SceneStream);
        var fx = SynthRandom.For(seed, index, EffectStream);
        var layout = MeterLayout.Draw(rng, options);
        var effects = PhotoEffects.Draw(fx, options.NoiseLevel, layout.Width, layout.Height);

        var bitmap = new SKBitmap(new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        string reading;
        using (var canvas = new SKCanvas(bitmap))
        {
            BackgroundPainter.Paint(canvas, rng, layout);
            canvas.SetMatrix(layout.Transform);
            BackgroundPainter.PaintPipe(canvas, rng);
            var frame = rng.Range(0.02, 0.05);
            DialPainter.Paint(canvas, rng, layout, frame);
            reading = CounterPainter.Paint(canvas, rng, layout.Window, frame);
            GlassPainter.Paint(canvas, rng);
            canvas.ResetMatrix();
            effects.Light(canvas, fx, layout.Width, layout.Height);
        }
        bitmap = effects.Blur(bitmap);
        var photo = SkiaImages.ToRgb(bitmap);
        bitmap.Dispose();
        effects.AddNoise(photo.Pixels, fx);

        var (maskTransform, mislabeled) = MaskPlacement.Choose(SynthRandom.For(seed, index, LabelStream), layout, options.MislabeledFraction);
        var mask = MaskPlacement.Rasterize(layout.Width, layout.Height, layout.WindowCorners(maskTransform));
        return new SyntheticSample(StemFor(seed, index), photo, mask, layout.WindowCorners(), reading, mislabeled, effects.JpegQuality);
    }
}
