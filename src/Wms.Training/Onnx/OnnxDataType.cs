namespace Wms.Training.Onnx;

/// <summary><c>TensorProto.DataType</c> values of onnx.proto that the export uses.</summary>
internal enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
    Float16 = 10,
}
