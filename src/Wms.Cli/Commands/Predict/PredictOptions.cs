using Wms.Core.Predictions;
using Wms.Core.Registry;

namespace Wms.Cli.Commands.Predict;

/// <summary>
/// The <c>Predict</c> section of wms.json (or <c>Predict__Output</c>... in the environment):
/// defaults of `wms predict` and `wms model pull`; a command-line option wins over them.
/// </summary>
public sealed class PredictOptions
{
    public const string Section = "Predict";

    /// <summary>The folder predicted when no path is given (the original's).</summary>
    public string Input { get; set; } = "photos_to_predict";

    /// <summary>Where masks go (the original's).</summary>
    public string Output { get; set; } = "predicted_masks";

    /// <summary>The pulled model `wms predict` uses without --model, and `wms model pull` fills.</summary>
    public string ModelCache { get; set; } = Core.LocalModels.ModelCache.DefaultDirectory;

    /// <summary>What `wms model pull` fetches: an alias, a stage or a version number.</summary>
    public string Alias { get; set; } = RegistryNames.ProductionAlias;

    /// <summary>Mask files at the photo's size or the model's.</summary>
    public MaskSize MaskSize { get; set; } = MaskSize.Photo;

    /// <summary>Also write overlays.</summary>
    public bool Overlay { get; set; }

    /// <summary>Cores to use; 0 = all.</summary>
    public int Threads { get; set; }

    /// <summary>Photos in flight at once; 0 = automatic.</summary>
    public int Parallel { get; set; }
}
