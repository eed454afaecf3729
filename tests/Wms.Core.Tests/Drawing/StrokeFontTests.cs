using SkiaSharp;
using Wms.Core.Drawing;
using Xunit;

namespace Wms.Core.Tests.Drawing;

public sealed class StrokeFontTests
{
    [Fact]
    public void Every_printable_ascii_character_draws_something()
    {
        for (var c = '!'; c <= '~'; c++)
        {
            using var path = StrokeFont.CreatePath(c.ToString(), 0, 20, 20);
            Assert.False(path.IsEmpty, $"'{c}' draws nothing");
            Assert.True(Ink(c.ToString()) > 5, $"'{c}' leaves no ink");
        }
    }

    [Fact]
    public void Characters_without_a_glyph_are_drawn_as_a_box_not_dropped()
    {
        Assert.True(Ink("é") > 20);
    }

    [Fact]
    public void Width_grows_with_text_and_size()
    {
        Assert.True(StrokeFont.Measure("Dice 0.91", 12) > StrokeFont.Measure("Dice", 12));
        Assert.Equal(StrokeFont.Measure("0.5", 24), 2 * StrokeFont.Measure("0.5", 12), 3);
    }

    [Fact]
    public void Anchors_place_the_text_left_centre_or_right_of_x()
    {
        // '0' fills its glyph box edge to edge, so the ink's bounds are the text's box.
        Assert.Equal(50, StrokeFont.CreatePath("00", 50, 20, 10).Bounds.Left, 0.01);
        Assert.Equal(50, StrokeFont.CreatePath("00", 50, 20, 10, TextAnchor.Right).Bounds.Right, 0.01);
        Assert.Equal(50, StrokeFont.CreatePath("00", 50, 20, 10, TextAnchor.Center).Bounds.MidX, 0.01);
    }

    private static int Ink(string text)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(40, 40, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            StrokeFont.Draw(canvas, text, 8, 30, 20, SKColors.Black);
        }
        return bitmap.Pixels.Count(p => p.Red < 128);
    }
}
