namespace Wms.Core.Synthetic;

/// <summary>The kinds of print found on meter dials: units, classes, standards, serial numbers.</summary>
internal static class TextMaker
{
    private static readonly string[] Tokens =
    [
        "M3", "m3", "m3/h", "Qn 1,5", "Q3 2,5", "CLASS B", "CLASS C", "MID", "DN15", "DN20", "PN16",
        "90C", "30C", "R160", "H-B", "x0,1", "x0,01", "x0,001", "x0,0001", "ISO 4064", "EN 14154", "LITERS",
        "COLD", "HOT", "MADE IN EU", "2019", "2021", "M16", "VOLUMETRIC", "SINGLE JET", "WATER",
    ];

    private const string Alphabet = "ABCDEFGHIJKLMNOPRSTUVWXYZ";

    public static string Digits(SynthRandom rng, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('0' + rng.Int(0, 9));
        return new string(chars);
    }

    public static string Word(SynthRandom rng) => rng.Int(0, 3) switch
    {
        0 => rng.Pick(Tokens),
        1 => rng.Pick(Tokens) + " " + rng.Pick(Tokens),
        2 => Letters(rng, rng.Int(3, 9)),
        _ => $"{Letters(rng, rng.Int(2, 4))}-{Digits(rng, rng.Int(2, 4))}",
    };

    private static string Letters(SynthRandom rng, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = Alphabet[rng.Int(0, Alphabet.Length - 1)];
        return new string(chars);
    }
}
