namespace Wms.Training.Onnx;

/// <summary>
/// How one flavour of the exported graph (FP32, INT8 QDQ) builds the U-Net's blocks; the
/// topology itself is <see cref="UNetGraph"/>. Arguments and results are tensor names.
/// </summary>
internal interface IUNetLayers
{
    /// <summary>The tensor the first block reads, made from the graph input.</summary>
    string Input(string input);

    /// <summary>Conv-BN-ReLU twice.</summary>
    string DoubleConv(string block, string x);

    /// <summary>2x2 max pooling, stride 2.</summary>
    string MaxPool(string name, string x);

    /// <summary>Bilinear upsampling of <paramref name="x"/> to the skip's height and width, concat, DoubleConv.</summary>
    string UpAndDoubleConv(string block, string x, string skip);

    /// <summary>The final 1x1 convolution writing the float logits to <paramref name="output"/>.</summary>
    string Final(string output, string x);
}
