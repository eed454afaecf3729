using Wms.Core.Predictions;
using Xunit;

namespace Wms.Core.Tests.Predictions;

public sealed class OutputNamesTests
{
    [Fact]
    public void Unique_stems_are_kept_as_they_are()
    {
        Assert.Equal(["meter_1", "meter_2"], OutputNames.Assign(["/in/meter_1.jpg", "/in/meter_2.PNG"]));
        Assert.Equal("mask_meter_1.png", OutputNames.Mask("meter_1"));
    }

    [Fact]
    public void Clashing_stems_get_their_extension_and_then_a_counter_in_input_order()
    {
        var stems = OutputNames.Assign(["/a/x.jpg", "/a/X.png", "/b/x.jpg", "/a/y.jpeg", "/a/x_jpg.png"]);

        Assert.Equal(["x_jpg", "X_png", "x_jpg_2", "y", "x_jpg_3"], stems);
        Assert.Equal(stems.Count, stems.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("/in/a.png", "overlay_a.png")]
    [InlineData("/in/a.PNG", "overlay_a.png")]
    [InlineData("/in/a.jpeg", "overlay_a.jpg")]
    [InlineData("/in/a", "overlay_a.jpg")]
    public void Overlays_are_png_for_png_photos_and_jpeg_otherwise(string photo, string overlay) =>
        Assert.Equal(overlay, OutputNames.Overlay("a", photo));
}
