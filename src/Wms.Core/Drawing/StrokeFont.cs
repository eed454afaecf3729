using System.Collections.Concurrent;
using SkiaSharp;

namespace Wms.Core.Drawing;

/// <summary>Where the x coordinate given to <see cref="StrokeFont"/> sits on the text.</summary>
public enum TextAnchor
{
    /// <summary>x is the left edge.</summary>
    Left,
    /// <summary>x is the centre.</summary>
    Center,
    /// <summary>x is the right edge.</summary>
    Right,
}

/// <summary>
/// A small built-in vector font (digits, Latin capitals, ASCII punctuation; lower case is drawn
/// as small capitals) stroked with SkiaSharp.
/// </summary>
/// <remarks>
/// Why not SkiaSharp's text: the Linux NoDependencies native asset has no font manager (no
/// fontconfig), so <c>SKTypeface.Default</c> has zero glyphs and text draws nothing, and a font
/// file from the machine would make synthetic photos differ between machines. These strokes
/// render the same everywhere and need no file.
/// </remarks>
public static class StrokeFont
{
    private const float LowerScale = 0.72f;
    private static readonly ConcurrentDictionary<char, SKPoint[][]> Parsed = new();

    /// <summary>Horizontal advance of <paramref name="text"/> at cap height <paramref name="capHeight"/>, in pixels.</summary>
    public static float Measure(string text, float capHeight)
    {
        var unit = capHeight / StrokeGlyphs.CapHeight;
        var width = 0f;
        foreach (var c in text) width += Advance(c) * unit;
        return Math.Max(0, width - 2 * unit);
    }

    /// <summary>The default pen width for a cap height: bold enough to read at 10 px.</summary>
    public static float DefaultStrokeWidth(float capHeight) => Math.Max(1f, capHeight * 0.13f);

    /// <summary>
    /// The text as an open path of strokes, with the baseline at <paramref name="baseline"/>;
    /// stroke it (round caps and joins) to draw it.
    /// </summary>
    public static SKPath CreatePath(string text, float x, float baseline, float capHeight, TextAnchor anchor = TextAnchor.Left)
    {
        var unit = capHeight / StrokeGlyphs.CapHeight;
        var pen = anchor switch
        {
            TextAnchor.Center => x - Measure(text, capHeight) / 2,
            TextAnchor.Right => x - Measure(text, capHeight),
            _ => x,
        };
        var top = baseline - capHeight;
        using var path = new SKPathBuilder();
        foreach (var c in text)
        {
            var lower = char.IsLower(c);
            var scale = lower ? unit * LowerScale : unit;
            var glyphTop = lower ? baseline - capHeight * LowerScale : top;
            foreach (var stroke in Glyph(c))
            {
                var first = Map(stroke[0], pen, glyphTop, scale);
                path.MoveTo(first);
                if (stroke.Length == 1)
                    path.LineTo(first.X + 0.4f * scale, first.Y); // a dot: a short stroke with round caps
                for (var i = 1; i < stroke.Length; i++) path.LineTo(Map(stroke[i], pen, glyphTop, scale));
            }
            pen += Advance(c) * unit;
        }
        return path.Detach();
    }

    /// <summary>Draws <paramref name="text"/> in one colour; <paramref name="strokeWidth"/> defaults to <see cref="DefaultStrokeWidth"/>.</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float baseline, float capHeight, SKColor color,
        TextAnchor anchor = TextAnchor.Left, float? strokeWidth = null)
    {
        using var path = CreatePath(text, x, baseline, capHeight, anchor);
        using var paint = CreatePaint(color, strokeWidth ?? DefaultStrokeWidth(capHeight));
        canvas.DrawPath(path, paint);
    }

    /// <summary>The pen the font is meant to be drawn with.</summary>
    public static SKPaint CreatePaint(SKColor color, float strokeWidth) => new()
    {
        Color = color,
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = strokeWidth,
        StrokeCap = SKStrokeCap.Round,
        StrokeJoin = SKStrokeJoin.Round,
    };

    private static float Advance(char c) => c switch
    {
        ' ' => 4,
        _ when char.IsLower(c) => StrokeGlyphs.Width * LowerScale + 2,
        _ => StrokeGlyphs.Width + 2,
    };

    private static SKPoint Map(SKPoint p, float left, float top, float scale) => new(left + p.X * scale, top + p.Y * scale);

    private static SKPoint[][] Glyph(char c) => Parsed.GetOrAdd(c, static c =>
    {
        if (c == ' ') return [];
        var key = char.IsLower(c) ? char.ToUpperInvariant(c) : c;
        var source = StrokeGlyphs.Table.TryGetValue(key, out var s) ? s : StrokeGlyphs.Missing;
        return source.Split('|')
            .Select(stroke => stroke.Split(' ').Select(p => new SKPoint(p[0] - '0', p[1] - '0')).ToArray())
            .ToArray();
    });
}
