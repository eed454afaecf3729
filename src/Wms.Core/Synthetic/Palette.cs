using SkiaSharp;

namespace Wms.Core.Synthetic;

/// <summary>Colours seen on real meters and in the rooms around them, with random variation.</summary>
internal static class Palette
{
    public static readonly SKColor[] Walls =
    [
        new(0xd8, 0xd2, 0xc4), new(0xb8, 0xb8, 0xb8), new(0x6e, 0x6a, 0x64), new(0x3a, 0x36, 0x33),
        new(0xe8, 0xe4, 0xdc), new(0x9c, 0x8a, 0x74), new(0x7d, 0x8c, 0x96), new(0x24, 0x24, 0x28),
    ];

    public static readonly SKColor[] Pipes =
    [
        new(0xb0, 0x8d, 0x4a), new(0xc8, 0xc8, 0xc8), new(0xf0, 0xf0, 0xf0), new(0xa0, 0x5a, 0x38),
        new(0x50, 0x50, 0x52), new(0xc0, 0x30, 0x28),
    ];

    public static readonly SKColor[] Bodies =
    [
        new(0xb5, 0x93, 0x50), new(0xc8, 0xcc, 0xd0), new(0x28, 0x50, 0xa0), new(0xc0, 0x28, 0x20),
        new(0x20, 0x20, 0x22), new(0xe8, 0xe8, 0xe8), new(0x2a, 0x7a, 0x3a),
    ];

    public static readonly SKColor[] Faces =
    [
        new(0xf6, 0xf6, 0xf2), new(0xf2, 0xee, 0xe0), new(0xe4, 0xe8, 0xee), new(0xfa, 0xfa, 0xfa),
        new(0xdc, 0xe6, 0xf0),
    ];

    public static readonly SKColor[] Inks =
    [
        new(0x10, 0x10, 0x10), new(0x10, 0x10, 0x10), new(0xc8, 0x18, 0x18), new(0x18, 0x3c, 0x96),
        new(0x1e, 0x82, 0x3c),
    ];

    public static readonly SKColor Red = new(0xd0, 0x1c, 0x1c);

    /// <summary><paramref name="color"/> with each channel moved by up to +-<paramref name="amount"/>.</summary>
    public static SKColor Jitter(SynthRandom rng, SKColor color, int amount = 18) => new(
        Clamp(color.Red + rng.Int(-amount, amount)),
        Clamp(color.Green + rng.Int(-amount, amount)),
        Clamp(color.Blue + rng.Int(-amount, amount)));

    public static SKColor Pick(SynthRandom rng, SKColor[] colors, int amount = 18) => Jitter(rng, rng.Pick(colors), amount);

    /// <summary>Lighter (factor > 1) or darker (factor &lt; 1).</summary>
    public static SKColor Shade(SKColor color, float factor) => new(
        Clamp((int)(color.Red * factor)), Clamp((int)(color.Green * factor)), Clamp((int)(color.Blue * factor)), color.Alpha);

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
