namespace Wms.Training;

/// <summary>One optimisation step done. Epoch and batch numbers start at 1.</summary>
public sealed record BatchCompleted(int Epoch, int Epochs, int Batch, int Batches, double Loss, TimeSpan Elapsed);
