using Wms.Core.Imaging;
using Wms.Training.Data;

namespace Wms.Training.Evaluation;

/// <summary>
/// True masks at the size test metrics are measured at (<c>evaluation.mask_size</c>), when that
/// differs from the model's input size: the original measured Dice and IoU on 512x512 masks, so a
/// model trained at 256 is scored on its prediction resized to 512 against the 512 mask, not on
/// a 256 mask that already lost the counter's fine edges.
/// </summary>
public sealed record EvaluationMasks(int Size, IReadOnlyDictionary<string, byte[]> ByStem)
{
    /// <summary>
    /// Decodes the masks of <paramref name="stems"/> at <paramref name="maskSize"/> (in parallel), or
    /// returns null when that is the input size (the prepared samples' masks serve then).
    /// </summary>
    public static EvaluationMasks? Load(IReadOnlyList<SamplePair> pairs, IEnumerable<string> stems, int maskSize, int inputSize)
    {
        if (maskSize == inputSize) return null;
        var wanted = stems.ToHashSet(StringComparer.Ordinal);
        var chosen = pairs.Where(p => wanted.Contains(p.Stem)).ToList();
        var masks = new byte[chosen.Count][];
        Parallel.For(0, chosen.Count, i =>
            masks[i] = Preprocessing.PrepareMask(ImageDecoder.DecodeGray(ImageDecoder.ReadFile(chosen[i].MaskPath), chosen[i].MaskPath), maskSize));
        return new EvaluationMasks(maskSize, chosen.Select((p, i) => (p.Stem, masks[i])).ToDictionary(x => x.Stem, x => x.Item2, StringComparer.Ordinal));
    }
}
