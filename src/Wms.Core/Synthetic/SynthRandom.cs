namespace Wms.Core.Synthetic;

/// <summary>
/// SplitMix64: tiny, fast, and fully specified here, so a (seed, index) pair gives the same
/// draws on every .NET version (System.Random's algorithm is not a documented contract).
/// </summary>
internal sealed class SynthRandom(ulong state)
{
    private ulong _state = state;

    /// <summary>An independent stream per sample, so samples can be rendered in any order or in parallel.</summary>
    public static SynthRandom For(int seed, int index, ulong stream = 0) =>
        new(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)(uint)index + 0x632BE59BD9B4E019UL) ^ Mix(stream + 1)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public float Range(double min, double max) => (float)(min + (max - min) * NextDouble());

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Int(int min, int max) => min + (int)(NextDouble() * (max - min + 1));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    /// <summary>-1 or +1.</summary>
    public int Sign() => Chance(0.5) ? 1 : -1;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
