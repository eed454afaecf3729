using Wms.Core;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Tests.Shared;
using Wms.Training.Onnx;
using Xunit;

namespace Wms.Training.Tests.Inference;

/// <summary>The ONNX Runtime engine gives the training side's masks, end to end from encoded photos.</summary>
public sealed class SegmentationEngineTests(ExportedModelFixture fixture) : IClassFixture<ExportedModelFixture>
{
    /// <summary>Pixels this close to the decision boundary may land either side of it in float32.</summary>
    private const float BoundaryLogit = 1e-4f;

    [Fact]
    public void A_generated_photo_gives_the_TorchSharp_mask()
    {
        var photo = TestImages.Meter(700, 523, seed: 1);

        var prediction = fixture.Engine.Predict(TestImages.Png(photo), "meter.png", maskAtPhotoSize: true);

        AssertSameMask(photo, prediction);
        Assert.Equal((700, 523), (prediction.PhotoWidth, prediction.PhotoHeight));
    }

    [Fact]
    public void A_real_photo_gives_the_TorchSharp_mask_and_consistent_statistics()
    {
        var photoPath = Path.Combine(TestEnvironment.RequireWaterMeters(), "unlabeled", "meter_1.jpg");
        var encoded = File.ReadAllBytes(photoPath);
        var photo = ImageDecoder.DecodeRgb(encoded, photoPath);

        var prediction = fixture.Engine.Predict(encoded, photoPath, maskAtPhotoSize: true);

        AssertSameMask(photo, prediction);
        Assert.True(prediction.Timings.Decode > TimeSpan.Zero && prediction.Timings.Inference > TimeSpan.Zero);
    }

    [Fact]
    public void Coverage_and_boxes_describe_the_masks()
    {
        var photo = TestImages.Meter(1536, 2048, seed: 2);

        var prediction = fixture.Engine.Predict(photo, maskAtPhotoSize: true);

        var mask = prediction.Mask;
        Assert.Equal((512, 512), (mask.Width, mask.Height));
        Assert.Equal(100.0 * mask.Pixels.Count(p => p == 255) / mask.Pixels.Length, prediction.CoveragePercent, 10);
        Assert.All(mask.Pixels, p => Assert.True(p is 0 or 255));
        Assert.NotNull(prediction.Box);
        Assert.Equal(BruteForceBox(mask), prediction.Box);
        Assert.Equal(PilResize.Nearest(mask, 1536, 2048).Pixels, prediction.PhotoMask!.Pixels);
        Assert.Equal(BruteForceBox(prediction.PhotoMask), prediction.PhotoBox);
    }

    [Fact]
    public void A_batch_gives_what_single_predictions_give()
    {
        RgbImage[] photos = [TestImages.Meter(640, 480, seed: 3), TestImages.Meter(480, 640, seed: 4), TestImages.Meter(512, 512, seed: 5)];

        var batch = fixture.Engine.PredictBatch(photos);

        Assert.Equal(3, batch.Count);
        for (var i = 0; i < photos.Length; i++)
            Assert.Equal(fixture.Engine.Predict(photos[i]).Mask.Pixels, batch[i].Mask.Pixels);
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_masks_as_one_caller()
    {
        var photos = Enumerable.Range(0, 3).Select(i => TestImages.Meter(600, 450, seed: 10 + i)).ToArray();
        var expected = photos.Select(p => fixture.Engine.Predict(p).Mask.Pixels).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => (i % 3, fixture.Engine.Predict(photos[i % 3]).Mask.Pixels), TestContext.Current.CancellationToken)));

        foreach (var (index, mask) in results) Assert.Equal(expected[index], mask);
    }

    [Fact]
    public void More_pixels_than_the_limit_are_refused_before_decoding()
    {
        using var engine = SegmentationEngine.Load(fixture.Folder, new InferenceOptions { MaxPixels = 100 * 100, WarmUp = false });
        var encoded = TestImages.Png(TestImages.Meter(120, 100, seed: 1));

        var error = Assert.Throws<WmsException>(() => engine.Predict(encoded, "big.png"));

        Assert.Contains("big.png", error.Message);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void A_disposed_engine_refuses_work()
    {
        var engine = SegmentationEngine.Load(fixture.Folder, new InferenceOptions { WarmUp = false });
        engine.Dispose();
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.Predict(TestImages.Meter(64, 64, seed: 1)));
    }

    [Fact]
    public void The_engine_reports_what_it_loaded()
    {
        var engine = fixture.Engine;
        Assert.Equal(512, engine.ImageSize);
        Assert.Equal(fixture.Export.Package.OnnxSha256, engine.Package.OnnxSha256);
        Assert.True(engine.WarmUpTime > TimeSpan.Zero);
        Assert.True(fixture.Export.MaxLogitDifference < 1e-4f, $"export check: {fixture.Export.MaxLogitDifference}");
    }

    [Fact]
    public void A_model_trained_at_another_size_still_answers_with_a_512_mask_upsampled_from_its_probabilities()
    {
        // The original API's clients read 512x512 masks; the water-meter recipe trains at 256.
        const int size = 128;
        var folder = fixture.TempPath("model-128");
        ModelFolderExporter.Export(fixture.Model, folder, new ModelFolderExportOptions { ImageSize = size });
        using var engine = SegmentationEngine.Load(folder, new InferenceOptions { IntraOpThreads = 2 });
        var photo = TestImages.Meter(640, 480, seed: 4);

        var prediction = engine.Predict(photo);

        Assert.Equal((size, 512), (engine.ImageSize, engine.MaskSize));
        Assert.Equal((512, 512), (prediction.Mask.Width, prediction.Mask.Height));
        var logits = engine.RunLogits(Preprocessing.ToTensor(Preprocessing.Prepare(photo, size)), 1);
        var small = MaskAnalysis.Threshold(logits, size, size);
        Assert.InRange(MaskAnalysis.CoveragePercent(small), 0.1, 99.9);
        // Bilinear upsampling of the probabilities moves the boundary by at most a pixel or two of
        // the 512 grid; elsewhere the mask is the small mask blown up 4x.
        var agree = Enumerable.Range(0, 512 * 512).Count(i => prediction.Mask.Pixels[i] == small.Pixels[(i / 512 / 4) * size + i % 512 / 4]);
        Assert.True(agree >= 512 * 512 * 0.97, $"{agree} of {512 * 512} pixels agree with the {size}x{size} mask");
        Assert.Equal(MaskAnalysis.CoveragePercent(prediction.Mask), prediction.CoveragePercent);
        Assert.Equal(MaskAnalysis.ToPhoto(prediction.Box!, 512, 512, 640, 480), prediction.PhotoBox);
    }

    private void AssertSameMask(RgbImage photo, Prediction prediction)
    {
        var (torchMask, torchLogits) = TorchMask.Predict(fixture.Model, photo);
        var mismatches = Enumerable.Range(0, torchMask.Length).Where(i => torchMask[i] != prediction.Mask.Pixels[i]).ToList();
        Assert.All(mismatches, i => Assert.True(Math.Abs(torchLogits[i]) < BoundaryLogit, $"pixel {i}: logit {torchLogits[i]} yet masks differ"));
        Assert.InRange(prediction.CoveragePercent, 0.1, 99.9);
        TestContext.Current.TestOutputHelper?.WriteLine($"{mismatches.Count} boundary pixels differ; coverage {prediction.CoveragePercent:F2}%");
        var photoMask = prediction.PhotoMask!;
        Assert.Equal((photo.Width, photo.Height), (photoMask.Width, photoMask.Height));
    }

    private static MaskBox? BruteForceBox(GrayImage mask)
    {
        var points = Enumerable.Range(0, mask.Pixels.Length).Where(i => mask.Pixels[i] != 0)
            .Select(i => (X: i % mask.Width, Y: i / mask.Width)).ToList();
        if (points.Count == 0) return null;
        var (x0, x1, y0, y1) = (points.Min(p => p.X), points.Max(p => p.X), points.Min(p => p.Y), points.Max(p => p.Y));
        return new MaskBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
