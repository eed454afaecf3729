namespace Wms.Training.Onnx;

/// <summary>
/// An activation in the QDQ graph: its uint8 tensor (<see cref="Quantized"/>, a QuantizeLinear
/// output), the float tensor ONNX Runtime fuses away (<see cref="Dequantized"/>), and the names of
/// the scale and zero point constants, shared by the ops (MaxPool, Resize) that keep them.
/// </summary>
internal sealed record QuantizedTensor(string Quantized, string Dequantized, string Scale, string ZeroPoint, QuantizationParameters Parameters);
