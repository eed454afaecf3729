using SkiaSharp;
using Wms.Core.Drawing;

namespace Wms.Core.Reporting;

/// <summary>Draws a <see cref="LineChart"/>: frame, grid and ticks, series, marker, legend, labels.</summary>
internal static class LineChartRenderer
{
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Grid = new(0xe4, 0xe4, 0xe4);
    private const float TitleCap = 16, LabelCap = 12, TickCap = 10, LegendCap = 11;

    public static void Draw(SKCanvas canvas, LineChart chart)
    {
        canvas.Clear(SKColors.White);
        var plot = new SKRect(78, 52, chart.Width - 24, chart.Height - 62);
        var count = chart.Series.Count == 0 ? 0 : chart.Series.Max(s => s.Values.Count);
        var x = NiceScale.For(chart.FirstX, chart.FirstX + Math.Max(count - 1, 0), 11, integers: true);
        var y = YScale(chart);

        float Px(double v) => plot.Left + (float)((v - x.Min) / (x.Max - x.Min)) * plot.Width;
        float Py(double v) => plot.Bottom - (float)((v - y.Min) / (y.Max - y.Min)) * plot.Height;

        Axes(canvas, plot, x, y, Px, Py);
        canvas.Save();
        canvas.ClipRect(SKRect.Inflate(plot, 4, 4));
        for (var i = 0; i < chart.Series.Count; i++)
            Series(canvas, chart.Series[i], chart.FirstX, LineChart.Colors[i % LineChart.Colors.Count], Px, Py);
        SKRect? markerLabel = chart.Marker is { } marker ? Marker(canvas, plot, Px(marker.X), marker.Label) : null;
        canvas.Restore();
        if (count == 0 || chart.Series.All(s => s.Values.All(double.IsNaN)))
            StrokeFont.Draw(canvas, "no data", plot.MidX, plot.MidY, LabelCap, Ink, TextAnchor.Center);
        Legend(canvas, plot, chart.Series, Points(chart, Px, Py), markerLabel);

        StrokeFont.Draw(canvas, chart.Title, chart.Width / 2f, 30, TitleCap, Ink, TextAnchor.Center, 2f);
        StrokeFont.Draw(canvas, chart.XLabel, plot.MidX, chart.Height - 16, LabelCap, Ink, TextAnchor.Center);
        canvas.Save();
        canvas.RotateDegrees(-90, 22, plot.MidY);
        StrokeFont.Draw(canvas, chart.YLabel, 22, plot.MidY + LabelCap / 2, LabelCap, Ink, TextAnchor.Center);
        canvas.Restore();
    }

    private static NiceScale YScale(LineChart chart)
    {
        if (chart.YRange is { } range) return NiceScale.For(range.Min, range.Max, 7) with { Min = range.Min, Max = range.Max };
        var values = chart.Series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        if (values.Count == 0) return NiceScale.For(0, 1, 7);
        var (min, max) = (values.Min(), values.Max());
        var pad = (max - min) * 0.05;
        return NiceScale.For(min - pad, max + pad, 7);
    }

    private static void Axes(SKCanvas canvas, SKRect plot, NiceScale x, NiceScale y, Func<double, float> px, Func<double, float> py)
    {
        using var grid = new SKPaint { Color = Grid, StrokeWidth = 1, IsAntialias = true };
        using var ink = new SKPaint { Color = Ink, StrokeWidth = 1.2f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var v in y.Ticks())
        {
            var at = py(v);
            canvas.DrawLine(plot.Left, at, plot.Right, at, grid);
            canvas.DrawLine(plot.Left - 5, at, plot.Left, at, ink);
            StrokeFont.Draw(canvas, y.Format(v), plot.Left - 9, at + TickCap / 2, TickCap, Ink, TextAnchor.Right);
        }
        foreach (var v in x.Ticks())
        {
            var at = px(v);
            canvas.DrawLine(at, plot.Top, at, plot.Bottom, grid);
            canvas.DrawLine(at, plot.Bottom, at, plot.Bottom + 5, ink);
            StrokeFont.Draw(canvas, x.Format(v), at, plot.Bottom + 10 + TickCap, TickCap, Ink, TextAnchor.Center);
        }
        canvas.DrawRect(plot, ink);
    }

    private static void Series(SKCanvas canvas, ChartSeries series, double firstX, SKColor color, Func<double, float> px, Func<double, float> py)
    {
        using var line = new SKPaint
        {
            Color = color, StrokeWidth = 2.2f, IsAntialias = true, Style = SKPaintStyle.Stroke,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round,
        };
        using var dot = new SKPaint { Color = color, IsAntialias = true };
        using var builder = new SKPathBuilder();
        var drawing = false;
        var dots = series.Values.Count(double.IsFinite) <= 60;
        for (var i = 0; i < series.Values.Count; i++)
        {
            var v = series.Values[i];
            if (!double.IsFinite(v))
            {
                drawing &= series.JoinGaps;
                continue;
            }
            var p = new SKPoint(px(firstX + i), py(v));
            if (drawing) builder.LineTo(p);
            else builder.MoveTo(p);
            drawing = true;
            if (dots) canvas.DrawCircle(p, 3.2f, dot);
        }
        using var path = builder.Detach();
        canvas.DrawPath(path, line);
    }

    /// <summary>Draws the dashed line and its label; returns where the label went, for the legend to keep off.</summary>
    private static SKRect Marker(SKCanvas canvas, SKRect plot, float at, string label)
    {
        using var dash = SKPathEffect.CreateDash([6, 5], 0);
        using var paint = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), StrokeWidth = 1.4f, IsAntialias = true, Style = SKPaintStyle.Stroke, PathEffect = dash };
        canvas.DrawLine(at, plot.Top, at, plot.Bottom, paint);
        var labelBox = MarkerLabelBox(plot, at, label);
        StrokeFont.Draw(canvas, label, labelBox.Left, plot.Bottom - 8, TickCap, new SKColor(0x55, 0x55, 0x55));
        return labelBox;
    }

    /// <summary>
    /// Where <see cref="Marker"/> writes its label: right of the line along the plot's bottom, or
    /// left of it when the plot's edge would cut the label (a best epoch that is the last one).
    /// </summary>
    internal static SKRect MarkerLabelBox(SKRect plot, float at, string label)
    {
        var width = StrokeFont.Measure(label, TickCap);
        var left = at + 5 + width <= plot.Right ? at + 5 : at - 5 - width;
        return SKRect.Create(left, plot.Bottom - 8 - TickCap, width, TickCap);
    }

    private static List<SKPoint> Points(LineChart chart, Func<double, float> px, Func<double, float> py) =>
        chart.Series.SelectMany(s => s.Values.Select((v, i) => (v, i)))
            .Where(p => double.IsFinite(p.v))
            .Select(p => new SKPoint(px(chart.FirstX + p.i), py(p.v)))
            .ToList();

    private static void Legend(SKCanvas canvas, SKRect plot, IReadOnlyList<ChartSeries> series, List<SKPoint> points, SKRect? keepClear)
    {
        if (series.Count == 0) return;
        var box = LegendBox(plot, series, points, keepClear);
        using var fill = new SKPaint { Color = new SKColor(255, 255, 255, 230) };
        using var border = new SKPaint { Color = new SKColor(0xbb, 0xbb, 0xbb), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(box, fill);
        canvas.DrawRect(box, border);
        for (var i = 0; i < series.Count; i++)
        {
            var mid = box.Top + 15 + i * 20;
            using var line = new SKPaint { Color = LineChart.Colors[i % LineChart.Colors.Count], StrokeWidth = 3, IsAntialias = true };
            canvas.DrawLine(box.Left + 8, mid, box.Left + 34, mid, line);
            StrokeFont.Draw(canvas, series[i].Name, box.Left + 42, mid + LegendCap / 2, LegendCap, Ink);
        }
    }

    /// <summary>
    /// The plot corner that hides the fewest points (top right when tied), never over the marker's
    /// label when another corner is free of it: the best epoch is often the last, under a legend.
    /// </summary>
    internal static SKRect LegendBox(SKRect plot, IReadOnlyList<ChartSeries> series, IReadOnlyList<SKPoint> points, SKRect? keepClear)
    {
        var width = series.Max(s => StrokeFont.Measure(s.Name, LegendCap)) + 52;
        var height = series.Count * 20 + 10;
        SKRect[] corners =
        [
            SKRect.Create(plot.Right - width - 10, plot.Top + 10, width, height),
            SKRect.Create(plot.Right - width - 10, plot.Bottom - height - 10, width, height),
            SKRect.Create(plot.Left + 10, plot.Top + 10, width, height),
            SKRect.Create(plot.Left + 10, plot.Bottom - height - 10, width, height),
        ];
        return corners.MinBy(c =>
        {
            var area = SKRect.Inflate(c, 6, 6);
            var hidesLabel = keepClear is { } label && area.IntersectsWith(label);
            return (hidesLabel ? 1 : 0, points.Count(area.Contains));
        });
    }
}
