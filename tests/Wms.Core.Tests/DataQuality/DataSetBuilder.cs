using Wms.Tests.Shared;

namespace Wms.Core.Tests.DataQuality;

/// <summary>Writes a data set of real (small) JPEG/PNG photos and masks into a temp folder.</summary>
internal sealed class DataSetBuilder : IDisposable
{
    private readonly TempDirectory _temp = new("wms-data");

    public DataSetBuilder()
    {
        Directory.CreateDirectory(Path.Combine(Root, "images"));
        Directory.CreateDirectory(Path.Combine(Root, "masks"));
    }

    public string Root => _temp.Path;

    /// <summary>Adds <paramref name="count"/> good pairs (JPEG photo, grey JPEG mask with a box that moves a little).</summary>
    public DataSetBuilder GoodPairs(int count, int width = 64, int height = 48)
    {
        for (var i = 0; i < count; i++)
        {
            Image($"good_{i:D2}.jpg", EncodedImages.Jpeg(width, height, EncodedImages.Photo(i)));
            var left = 10 + i % 5;
            var top = 10 + i % 3;
            Mask($"good_{i:D2}.jpg", EncodedImages.GreyJpeg(width, height, EncodedImages.Box(left, top, left + 30 + i % 4, top + 12 + i % 2)));
        }
        return this;
    }

    public DataSetBuilder Image(string name, byte[] bytes) => Write("images", name, bytes);

    public DataSetBuilder Mask(string name, byte[] bytes) => Write("masks", name, bytes);

    public string PathOf(string folder, string name) => Path.Combine(Root, folder, name);

    private DataSetBuilder Write(string folder, string name, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(folder, name), bytes);
        return this;
    }

    public void Dispose() => _temp.Dispose();
}
