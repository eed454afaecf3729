namespace Wms.Core.Inference;

/// <summary>Keeps the largest 8-connected region of a mask and clears every other foreground pixel.</summary>
public static class LargestRegion
{
    /// <summary>
    /// In place: non-zero pixels are foreground; those outside the largest region become 0, the
    /// region's own keep their value. Of regions of equal size the first in row-major order stays.
    /// </summary>
    public static void Keep(Span<byte> mask, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(mask.Length, width * height, nameof(mask));
        var labels = new int[mask.Length];
        var stack = new Stack<int>();
        var (bestLabel, bestArea, label) = (0, 0, 0);
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || labels[start] != 0) continue;
            var area = Flood(mask, labels, width, height, start, ++label, stack);
            if (area > bestArea) (bestLabel, bestArea) = (label, area);
        }
        if (label <= 1) return;
        for (var i = 0; i < mask.Length; i++)
            if (labels[i] != bestLabel) mask[i] = 0;
    }

    private static int Flood(ReadOnlySpan<byte> mask, int[] labels, int width, int height, int start, int label, Stack<int> stack)
    {
        var area = 0;
        labels[start] = label;
        stack.Push(start);
        while (stack.TryPop(out var index))
        {
            area++;
            var (x, y) = (index % width, index / width);
            for (var dy = -1; dy <= 1; dy++)
            {
                var ny = y + dy;
                if (ny < 0 || ny >= height) continue;
                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = x + dx;
                    if (nx < 0 || nx >= width) continue;
                    var neighbour = ny * width + nx;
                    if (mask[neighbour] == 0 || labels[neighbour] != 0) continue;
                    labels[neighbour] = label;
                    stack.Push(neighbour);
                }
            }
        }
        return area;
    }

    /// <summary>Applies <paramref name="postprocess"/> to a square mask (or does nothing for <see cref="MaskPostprocess.None"/>).</summary>
    public static void Apply(MaskPostprocess postprocess, Span<byte> mask, int size)
    {
        if (postprocess == MaskPostprocess.LargestRegion) Keep(mask, size, size);
    }
}
