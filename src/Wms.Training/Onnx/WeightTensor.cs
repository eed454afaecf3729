namespace Wms.Training.Onnx;

/// <summary>One state_dict entry as plain data: shape and float32 values, row-major.</summary>
public sealed record WeightTensor(long[] Shape, float[] Values);
