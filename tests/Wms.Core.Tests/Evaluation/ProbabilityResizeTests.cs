using Wms.Core.Evaluation;
using Xunit;

namespace Wms.Core.Tests.Evaluation;

public sealed class ProbabilityResizeTests
{
    [Fact]
    public void Upsampling_uses_half_pixel_centres_and_clamps_at_the_edges_like_torch()
    {
        // torch.nn.functional.interpolate(x, size=4, mode="bilinear", align_corners=False) on [[0, 1], [0, 1]]
        // gives 0, 0.25, 0.75, 1 in every row.
        var result = ProbabilityResize.Bilinear([0f, 1f, 0f, 1f], 2, 4);
        for (var row = 0; row < 4; row++)
            Assert.Equal([0f, 0.25f, 0.75f, 1f], result.AsSpan(row * 4, 4).ToArray());
    }

    [Fact]
    public void The_same_size_is_a_copy()
    {
        float[] values = [0.1f, 0.2f, 0.3f, 0.4f];
        Assert.Equal(values, ProbabilityResize.Bilinear(values, 2, 2));
    }
}
