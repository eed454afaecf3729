namespace Wms.Core.Inference;

/// <summary>
/// What happens to a thresholded mask before anyone sees it. A model records its choice
/// (<c>model.postprocess</c> in the training config, then the ONNX metadata and
/// <c>wms-model.json</c>), so training's test metrics, <c>wms eval</c>, the gate, <c>wms predict</c>
/// and serving all apply the same step.
/// </summary>
public enum MaskPostprocess
{
    /// <summary>The mask is sigmoid &gt; 0.5, nothing more (the original's rule).</summary>
    None,

    /// <summary>
    /// Keep only the largest 8-connected region: a meter has one counter, and the U-Net's misses
    /// are mostly extra patches on serial numbers, markings or pointers next to the real one.
    /// </summary>
    LargestRegion,
}

/// <summary>The names <see cref="MaskPostprocess"/> values have in configs, metadata and CLI options.</summary>
public static class MaskPostprocessNames
{
    public const string None = "none";
    public const string LargestRegion = "largest_region";

    public static IReadOnlyList<string> All { get; } = [None, LargestRegion];

    public static string Of(MaskPostprocess postprocess) => postprocess switch
    {
        MaskPostprocess.LargestRegion => LargestRegion,
        _ => None,
    };

    /// <summary>The value a command-line option names; an unknown name is a usage error naming the option.</summary>
    public static MaskPostprocess ParseOption(string option, string name) =>
        Parse(name) ?? throw new WmsException($"{option}: unknown value '{name}' (use {string.Join(" or ", All)})");

    /// <summary>The value named <paramref name="name"/> (case-insensitive), or null for an unknown name.</summary>
    public static MaskPostprocess? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        None => MaskPostprocess.None,
        LargestRegion => MaskPostprocess.LargestRegion,
        _ => null,
    };
}
