using System.Globalization;

namespace Wms.Cli.Gate;

/// <summary>
/// The comparison itself (REFERENCE.md §3, with the original's flaws fixed): both models measured
/// on the same photos; pass only when Dice AND IoU are strictly greater than the baseline's plus
/// <c>minDelta</c>. Equal is not better.
/// </summary>
public static class GateRule
{
    public static (bool Improved, string Reason) Compare(double dice, double iou, double baselineDice, double baselineIou, double minDelta)
    {
        var diceBetter = dice > baselineDice + minDelta;
        var iouBetter = iou > baselineIou + minDelta;
        var margin = minDelta > 0 ? $" + {F(minDelta)}" : "";
        var diceText = $"Dice {F(dice)} {(diceBetter ? ">" : "<=")} {F(baselineDice)}{margin}";
        var iouText = $"IoU {F(iou)} {(iouBetter ? ">" : "<=")} {F(baselineIou)}{margin}";
        if (diceBetter && iouBetter) return (true, $"better than Production on both: {diceText}, {iouText}");
        var worse = (diceBetter, iouBetter) switch
        {
            (false, false) => $"{diceText} and {iouText}",
            (false, true) => $"{diceText} (IoU is better: {iouText})",
            _ => $"{iouText} (Dice is better: {diceText})",
        };
        return (false, $"not better than Production: {worse}");
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
