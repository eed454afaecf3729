namespace Wms.Training.Onnx;

/// <summary>
/// How a uint8 tensor of the QDQ graph is quantized: the names of its scale and zero-point
/// constants (shared by the MaxPool and Resize outputs that keep them) and their values.
/// </summary>
internal sealed record QuantizedTensor(string Scale, string ZeroPoint, QuantizationParameters Parameters);
