using Wms.Training.Data;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training;

/// <summary>One optimisation step on a batch: forward, the loss, backward, Adam. Disposes every tensor it makes.</summary>
internal static class TrainingStep
{
    /// <returns>The batch's loss and the predicted masks (N x S x S bytes, 0/1) of the forward pass.</returns>
    public static (double Loss, byte[] Predicted) Run(UNet model, optim.Optimizer optimizer, SampleBatch batch, ComputeOptions compute,
        LossKind lossKind = LossKind.Bce)
    {
        using var scope = NewDisposeScope();
        var (photos, truth) = BatchTensors.Create(batch, compute);
        optimizer.zero_grad();
        var logits = model.call(photos);
        var loss = SegmentationLoss.PerSample(logits, truth, lossKind).mean();
        loss.backward();
        optimizer.step();
        using (no_grad())
            return (loss.item<float>(), BatchTensors.Masks(logits));
    }
}
