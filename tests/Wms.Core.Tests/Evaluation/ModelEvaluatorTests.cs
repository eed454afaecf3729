using Wms.Core;
using Wms.Core.Evaluation;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Core.Quality;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Evaluation;

public sealed class ModelEvaluatorTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-eval");

    public void Dispose() => _temp.Dispose();

    private ModelEvaluation Evaluate(byte[] onnx, int maskSize, int photos = 2, int photoSize = 64)
    {
        var data = StripePhotos.WriteDataset(_temp.Path, Enumerable.Range(0, photos).Select(i => $"p{i}"), photoSize);
        var model = _temp.Combine($"model-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(model, onnx);
        using var engine = SegmentationEngine.Load(model, new InferenceOptions { WarmUp = false, IntraOpThreads = 1 });
        var pairs = Enumerable.Range(0, photos)
            .Select(i => new EvaluationPair($"p{i}", Path.Combine(data, "images", $"p{i}.png"), Path.Combine(data, "masks", $"p{i}.png"))).ToList();
        return new ModelEvaluator(engine, new EvaluationOptions { MaskSize = maskSize }).Evaluate(pairs, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_model_that_finds_exactly_the_counter_scores_one()
    {
        var result = Evaluate(StripePhotos.Perfect(64), maskSize: 64);
        Assert.Equal(2, result.Summary.Count);
        Assert.Equal(1.0, result.Summary.Dice, 9);
        Assert.Equal(1.0, result.Summary.Iou, 9);
        Assert.Equal(1.0, result.Summary.PixelAccuracy, 9);
        Assert.Equal(0.0, result.Summary.Hausdorff, 9);
    }

    [Fact]
    public void A_model_that_marks_everything_scores_what_the_formulas_give_by_hand()
    {
        // Prediction: all 64x64; truth: the left 32 columns. Dice 2*2048/(4096+2048), IoU 2048/4096,
        // half the pixels right, and the farthest predicted pixel (column 63) is 32 columns from the truth.
        var result = Evaluate(StripePhotos.Everything(64), maskSize: 64);
        Assert.Equal(2.0 / 3, result.Summary.Dice, 6);
        Assert.Equal(0.5, result.Summary.Iou, 6);
        Assert.Equal(0.5, result.Summary.PixelAccuracy, 9);
        Assert.Equal(32.0, result.Summary.Hausdorff, 9);
    }

    [Fact]
    public void A_model_that_marks_the_wrong_half_scores_zero()
    {
        var result = Evaluate(StripePhotos.Inverse(64), maskSize: 64);
        Assert.Equal(0.0, result.Summary.Dice, 6);
        Assert.Equal(0.0, result.Summary.Iou, 6);
        Assert.Equal(0.0, result.Summary.PixelAccuracy, 9);
    }

    [Fact]
    public void A_model_smaller_than_the_mask_size_is_scored_on_its_upsampled_probabilities()
    {
        // The model runs at 32x32; its probabilities are resized to 128x128 and thresholded, and the
        // stripes' edges land exactly where the 128x128 true mask has them.
        var result = Evaluate(StripePhotos.Perfect(32), maskSize: 128);
        Assert.Equal(32, result.ModelImageSize);
        Assert.Equal(128, result.MaskSize);
        Assert.Equal(1.0, result.Summary.Dice, 9);

        var everything = Evaluate(StripePhotos.Everything(32), maskSize: 128);
        Assert.Equal(2.0 / 3, everything.Summary.Dice, 6);
        Assert.Equal(64.0, everything.Summary.Hausdorff, 9);
    }

    [Fact]
    public void The_engines_post_processing_applies_to_the_scored_masks()
    {
        // A red counter (32x32) and a red patch (12x12) on blue; the truth is the counter alone. The
        // red rule marks both: Dice 2*1024/(2*1024+144) without post-processing, about 1 keeping the
        // largest region (the 3x3 median rounds the counter's corners off by a pixel each).
        const int size = 64;
        var photo = new RgbImage(size, size);
        var truth = new GrayImage(size, size);
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var counter = x is >= 4 and < 36 && y is >= 4 and < 36;
                var patch = x is >= 48 and < 60 && y is >= 48 and < 60;
                photo.Pixels[(y * size + x) * 3 + (counter || patch ? 0 : 2)] = 255;
                truth.Pixels[y * size + x] = counter ? (byte)255 : (byte)0;
            }
        Directory.CreateDirectory(_temp.Combine("images"));
        Directory.CreateDirectory(_temp.Combine("masks"));
        File.WriteAllBytes(_temp.Combine("images", "two.png"), TestImages.Encode(photo, ".png"));
        File.WriteAllBytes(_temp.Combine("masks", "two.png"), ImageEncoder.EncodePng(truth));
        var model = _temp.Combine("red.onnx");
        File.WriteAllBytes(model, Wms.Tests.Shared.Onnx.TinyOnnx.ColourRule(10, -10, -10, 0, size));
        var pair = new EvaluationPair("two", _temp.Combine("images", "two.png"), _temp.Combine("masks", "two.png"));

        double Dice(MaskPostprocess postprocess)
        {
            using var engine = SegmentationEngine.Load(model, new InferenceOptions { WarmUp = false, IntraOpThreads = 1, Postprocess = postprocess });
            Assert.Equal(postprocess, engine.Postprocess);
            return new ModelEvaluator(engine, new EvaluationOptions { MaskSize = size })
                .Evaluate([pair], cancellationToken: TestContext.Current.CancellationToken).Summary.Dice;
        }

        Assert.InRange(Dice(MaskPostprocess.None), 0.92, 0.94);
        Assert.InRange(Dice(MaskPostprocess.LargestRegion), 0.995, 1.0);
    }

    [Fact]
    public void Worst_lists_the_lowest_dice_first()
    {
        var evaluation = new ModelEvaluation(MetricsSummary.Of([]),
        [
            new PhotoEvaluation("a", "a.png", "a.png", new SampleMetrics(0.9, 0.8, 0.9, 1)),
            new PhotoEvaluation("b", "b.png", "b.png", new SampleMetrics(0.2, 0.1, 0.9, 9)),
            new PhotoEvaluation("c", "c.png", "c.png", new SampleMetrics(0.5, 0.4, 0.9, 5)),
        ], 64, 64);
        Assert.Equal(["b", "c"], evaluation.Worst(2).Select(p => p.Stem));
    }

    [Fact]
    public void A_mask_of_another_size_than_its_photo_is_a_data_error_naming_it()
    {
        var data = StripePhotos.WriteDataset(_temp.Path, ["p0"]);
        var mask = Path.Combine(data, "masks", "p0.png");
        File.WriteAllBytes(mask, ImageEncoder.EncodePng(new GrayImage(32, 16)));
        var model = _temp.Combine("m.onnx");
        File.WriteAllBytes(model, StripePhotos.Perfect(64));
        using var engine = SegmentationEngine.Load(model, new InferenceOptions { WarmUp = false, IntraOpThreads = 1 });

        var error = Assert.Throws<WmsException>(() => new ModelEvaluator(engine)
            .Evaluate([new EvaluationPair("p0", Path.Combine(data, "images", "p0.png"), mask)], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(WmsErrorKind.DataInvalid, error.Kind);
        Assert.StartsWith($"{mask}: mask is 32x16 but its photo p0.png is 64x64", error.Message);
    }
}
