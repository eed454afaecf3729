namespace Wms.Core.Imaging;

/// <summary>
/// The original's contrast stretch: <c>(x - p2) / (p98 - p2 + 1e-6)</c> clipped to [0, 1], with the
/// 2nd and 98th percentiles taken over all pixels and channels together, then <c>* 255</c> cast to
/// uint8 by truncation. The arithmetic follows numpy 1.24 step by step (float64 percentiles,
/// float32 pixels) so the bytes match the original's.
/// </summary>
public static class ContrastStretch
{
    /// <summary>Stretches 8-bit samples in place (any channel layout: the statistics ignore it).</summary>
    public static void Apply(Span<byte> samples)
    {
        var lut = Lut(samples);
        for (var i = 0; i < samples.Length; i++) samples[i] = lut[samples[i]];
    }

    /// <summary>The value each of the 256 input levels maps to, for these samples.</summary>
    public static byte[] Lut(ReadOnlySpan<byte> samples)
    {
        var histogram = new long[256];
        foreach (var s in samples) histogram[s]++;
        var p2 = Percentile(histogram, samples.Length, 2);
        var p98 = Percentile(histogram, samples.Length, 98);

        var low = (float)p2;
        var range = (float)(p98 - p2 + 1e-6);
        var lut = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            var x = (v / 255f - low) / range;
            x = Math.Clamp(x, 0f, 1f);
            lut[v] = (byte)(x * 255f);
        }
        return lut;
    }

    /// <summary>numpy's default ("linear") percentile of the values <c>level / 255f</c>, from their histogram.</summary>
    public static double Percentile(long[] histogram, long count, double percent)
    {
        var q = percent / 100.0;
        var virtualIndex = count * q + (1.0 + q * -1.0) - 1.0;
        var lower = Math.Clamp(Math.Floor(virtualIndex), 0, count - 1);
        var upper = Math.Min(lower + 1, count - 1);
        var gamma = virtualIndex - lower;
        var a = ValueAt(histogram, (long)lower);
        var b = ValueAt(histogram, (long)upper);
        var diff = b - a; // float32, as numpy subtracts the float32 neighbours
        return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
    }

    private static float ValueAt(long[] histogram, long sortedIndex)
    {
        long seen = 0;
        for (var level = 0; level < histogram.Length; level++)
        {
            seen += histogram[level];
            if (sortedIndex < seen) return level / 255f;
        }
        return 1f;
    }
}
