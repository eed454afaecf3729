using Wms.Training.Data;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training;

/// <summary>One optimisation step on a batch: forward, the loss, backward, Adam. Disposes every tensor it makes.</summary>
internal static class TrainingStep
{
    /// <returns>
    /// The batch's loss, the predicted masks (N x S x S bytes, 0/1) of the forward pass, and whether the
    /// loss and every gradient were finite. When they were not, Adam did not step: the weights are as they were.
    /// </returns>
    public static (double Loss, byte[] Predicted, bool Finite) Run(UNet model, optim.Optimizer optimizer, SampleBatch batch,
        LossKind lossKind = LossKind.Bce)
    {
        using var scope = NewDisposeScope();
        var (photos, truth) = BatchTensors.Create(batch);
        optimizer.zero_grad();
        var logits = model.call(photos);
        var loss = SegmentationLoss.PerSample(logits, truth, lossKind).mean();
        loss.backward();
        var finite = Finite(loss, model);
        if (finite) optimizer.step();
        using (no_grad())
            return (loss.item<float>(), BatchTensors.Masks(logits), finite);
    }

    /// <summary>
    /// One NaN step makes every weight NaN for the rest of the run, and the loss alone does not show
    /// it coming: the gradients went NaN under a finite loss when oneDNN's bfloat16 kernel failed.
    /// </summary>
    private static bool Finite(Tensor loss, UNet model)
    {
        using var _ = no_grad();
        var checks = model.parameters().Select(p => p.grad).OfType<Tensor>().Select(g => g.isfinite().all()).Append(loss.isfinite().all());
        return stack([.. checks]).all().item<bool>();
    }
}
