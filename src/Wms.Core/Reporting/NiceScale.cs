using System.Globalization;

namespace Wms.Core.Reporting;

/// <summary>Axis ranges and tick positions at round numbers (1, 2 or 5 times a power of ten).</summary>
internal sealed record NiceScale(double Min, double Max, double Step)
{
    public static NiceScale For(double min, double max, int maxTicks, bool integers = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (0, 1);
        if (max - min < 1e-12)
        {
            var pad = Math.Abs(min) > 1e-9 ? Math.Abs(min) * 0.1 : 0.5;
            (min, max) = (min - pad, max + pad);
        }
        var step = NiceStep((max - min) / Math.Max(1, maxTicks - 1));
        if (integers) step = Math.Max(1, Math.Round(step));
        return new NiceScale(Math.Floor(min / step + 1e-9) * step, Math.Ceiling(max / step - 1e-9) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        for (var i = 0; ; i++)
        {
            var value = Min + i * Step;
            if (value > Max + Step * 1e-6) yield break;
            yield return Math.Abs(value) < Step * 1e-9 ? 0 : value;
        }
    }

    /// <summary>A label with as many decimals as the step needs (0.05 -> two, 10 -> none).</summary>
    public string Format(double value)
    {
        var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(Step) - 1e-9), 0, 6);
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
