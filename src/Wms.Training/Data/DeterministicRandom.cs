namespace Wms.Training.Data;

/// <summary>
/// SplitMix64: tiny, fast and fully specified, so a seed gives the same shuffles and augmentations
/// on every .NET version (System.Random's algorithm is not guaranteed across versions). Streams
/// for (seed, epoch, sample) are derived by <see cref="For"/>, so parallel work stays deterministic.
/// </summary>
public struct DeterministicRandom(ulong state)
{
    private ulong _state = state;

    /// <summary>An independent stream for a combination of keys (seed, epoch, sample index...).</summary>
    public static DeterministicRandom For(params ReadOnlySpan<long> keys)
    {
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var key in keys)
            state = Mix(state ^ (ulong)key) + 0x9E3779B97F4A7C15UL;
        return new DeterministicRandom(Mix(state));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [low, high).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform in [0, bound).</summary>
    public int Next(int bound) => (int)(NextDouble() * bound);

    /// <summary>Fisher-Yates shuffle of 0..count-1.</summary>
    public int[] Permutation(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
