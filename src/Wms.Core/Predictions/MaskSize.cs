namespace Wms.Core.Predictions;

/// <summary>The size of the mask files <c>wms predict</c> writes.</summary>
public enum MaskSize
{
    /// <summary>The photo's size (nearest-neighbour from the model's mask): lays over the photo as it is.</summary>
    Photo,
    /// <summary>The model's size (512x512 for the original model), as the serving API returns it.</summary>
    Model,
}
