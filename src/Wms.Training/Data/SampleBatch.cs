namespace Wms.Training.Data;

/// <summary>
/// Model input for a batch, already in float form: photos <c>[Count, 3, Size, Size]</c> in [0, 1]
/// and masks <c>[Count, 1, Size, Size]</c> of 0 and 1, plus which samples they are.
/// </summary>
public sealed record SampleBatch(float[] Photos, float[] Masks, int Count, int Size, IReadOnlyList<string> Stems)
{
    /// <summary>A batch of prepared (evaluation) samples, photo floats exactly <see cref="Wms.Core.Imaging.Preprocessing.ToTensor(ReadOnlySpan{byte})"/>.</summary>
    public static SampleBatch FromPrepared(IReadOnlyList<PreparedSample> samples)
    {
        var size = samples[0].Size;
        var batch = Allocate(samples.Count, size, samples.Select(s => s.Stem).ToList());
        for (var i = 0; i < samples.Count; i++)
            batch.Fill(i, samples[i].Chw, samples[i].Mask, 1f);
        return batch;
    }

    internal static SampleBatch Allocate(int count, int size, IReadOnlyList<string> stems)
    {
        var plane = size * size;
        return new SampleBatch(new float[count * 3 * plane], new float[count * plane], count, size, stems);
    }

    /// <summary>Writes sample <paramref name="index"/>: photo bytes / 255 (times the brightness, clipped to 1) and the mask.</summary>
    internal void Fill(int index, ReadOnlySpan<byte> chw, ReadOnlySpan<byte> mask, float brightness)
    {
        var plane = Size * Size;
        var photo = Photos.AsSpan(index * 3 * plane, 3 * plane);
        if (brightness == 1f)
        {
            Wms.Core.Imaging.Preprocessing.ToTensor(chw, photo);
        }
        else
        {
            // Brightness scales the preprocessed values; like torchvision's adjust_brightness, it clips to [0, 1].
            for (var k = 0; k < photo.Length; k++) photo[k] = Math.Min(chw[k] / 255f * brightness, 1f);
        }
        var target = Masks.AsSpan(index * plane, plane);
        for (var k = 0; k < plane; k++) target[k] = mask[k];
    }
}
