using TorchSharp;
using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

[Collection(Collector.Alone)]
public sealed class SegmentationLossTests
{
    [Fact]
    public void Bce_dice_adds_one_minus_the_smoothed_soft_dice_per_sample_to_bce()
    {
        // Two 2x2 samples. Logits 0 give p = 0.5 and BCE ln 2 at every pixel, whatever the mask.
        using var logits = zeros(2, 1, 2, 2);
        using var masks = tensor(new float[] { 1, 0, 0, 0, /* second sample empty */ 0, 0, 0, 0 }, [2, 1, 2, 2]);

        var bce = BatchTensors.LossPerSample(logits, masks, LossKind.Bce);
        var both = BatchTensors.LossPerSample(logits, masks, LossKind.BceDice);

        Assert.Equal([Math.Log(2), Math.Log(2)], bce, new Tolerance(1e-6));
        // Dice = (2 * sum(p * t) + 1) / (sum(p) + sum(t) + 1): (2 * 0.5 + 1) / (2 + 1 + 1) = 0.5, and 1 / 3 for the empty mask.
        Assert.Equal([Math.Log(2) + 0.5, Math.Log(2) + 2.0 / 3], both, new Tolerance(1e-6));
    }

    [Fact]
    public void Bce_tversky_adds_one_minus_the_smoothed_soft_tversky_per_sample_to_bce()
    {
        using var logits = zeros(2, 1, 2, 2);
        using var masks = tensor(new float[] { 1, 0, 0, 0, /* second sample empty */ 0, 0, 0, 0 }, [2, 1, 2, 2]);

        var loss = BatchTensors.LossPerSample(logits, masks, LossKind.BceTversky);

        // Tversky = (TP + 1/2) / (0.3 sum(p) + 0.7 sum(t) + 1/2): (0.5 + 0.5) / (0.6 + 0.7 + 0.5), and 0.5 / (0.6 + 0.5) for the empty mask.
        Assert.Equal([Math.Log(2) + 1 - 1 / 1.8, Math.Log(2) + 1 - 0.5 / 1.1], loss, new Tolerance(1e-6));
    }

    [Fact]
    public void Bce_tversky_charges_a_missed_counter_pixel_more_than_an_invented_one_where_bce_dice_ties_them()
    {
        // Confident predictions, one pixel wrong in each: the first misses a counter pixel, the second invents one.
        using var truth = tensor(new float[] { 1, 1, 0, 0, /* second */ 1, 0, 0, 0 }, [2, 1, 2, 2]);
        using var predicted = tensor(new float[] { 1, 0, 0, 0, /* second */ 1, 1, 0, 0 }, [2, 1, 2, 2]);
        using Scalar confidence = 30.0.ToScalar();
        using var logits = predicted.mul(KeptScalars.Two).sub_(KeptScalars.One).mul_(confidence);

        var dice = BatchTensors.LossPerSample(logits, truth, LossKind.BceDice);
        var tversky = BatchTensors.LossPerSample(logits, truth, LossKind.BceTversky);

        Assert.Equal(dice[0], dice[1], 1e-6);
        Assert.True(tversky[0] > tversky[1] + 0.1, $"missed {tversky[0]}, invented {tversky[1]}");
        Assert.InRange(BatchTensors.LossPerSample(logits, predicted, LossKind.BceTversky).Max(), 0, 1e-6);
    }

    [Fact]
    public void A_perfect_confident_prediction_costs_almost_nothing()
    {
        using var masks = tensor(new float[] { 1, 1, 0, 0 }, [1, 1, 2, 2]);
        using Scalar confidence = 30.0.ToScalar();
        using var logits = masks.mul(KeptScalars.Two).sub_(KeptScalars.One).mul_(confidence);
        Assert.InRange(BatchTensors.LossPerSample(logits, masks, LossKind.BceDice)[0], 0, 1e-6);
    }

    [Fact]
    public void The_loss_is_the_same_while_another_thread_collects()
    {
        // Before: failed within a second ("Expected false to be true" from c10::Scalar::toFloat).
        using var logits = linspace(-3, 3, 2 * 16).reshape(2, 1, 4, 4);
        using var masks = logits.gt(0).to(ScalarType.Float32);
        var expected = BatchTensors.LossPerSample(logits, masks, LossKind.BceDice);

        using (new Collector())
        {
            for (var i = 0; i < 20000; i++) Assert.Equal(expected, BatchTensors.LossPerSample(logits, masks, LossKind.BceDice));
        }
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
