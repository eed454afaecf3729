using System.Globalization;
using System.Text.Json;

namespace Wms.Core.Models;

/// <summary>
/// The MLmodel <c>signature</c> strings, formatted exactly as MLflow writes them (Python's
/// <c>json.dumps</c>: ", " and ": " separators), -1 for the batch dimension.
/// </summary>
public static class TensorSignature
{
    /// <summary>[-1, 3, size, size] float32.</summary>
    public static string Inputs(int imageSize) => Spec(ModelContract.InputChannels, imageSize);

    /// <summary>[-1, 1, size, size] float32.</summary>
    public static string Outputs(int imageSize) => Spec(ModelContract.OutputChannels, imageSize);

    /// <summary>The square input size a signature's first tensor declares, or null when it is not one (or dynamic).</summary>
    public static int? ImageSize(string inputsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(inputsJson);
            var shape = document.RootElement[0].GetProperty("tensor-spec").GetProperty("shape");
            if (shape.GetArrayLength() != 4) return null;
            var (height, width) = (shape[2].GetInt32(), shape[3].GetInt32());
            return height == width && height > 0 ? height : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    private static string Spec(int channels, int size) => string.Create(CultureInfo.InvariantCulture,
        $$$"""[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, {{{channels}}}, {{{size}}}, {{{size}}}]}}]""");
}
