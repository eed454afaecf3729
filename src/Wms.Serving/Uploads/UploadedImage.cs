namespace Wms.Serving.Uploads;

/// <summary>One photo as it arrived: its file name (or field name) and encoded bytes.</summary>
public sealed record UploadedImage(string Name, ReadOnlyMemory<byte> Bytes);
