using Wms.Core;
using Wms.Core.Imaging;

namespace Wms.Training.Onnx;

/// <summary>The photos an INT8 export calibrates on, preprocessed exactly as for training and serving.</summary>
public static class CalibrationPhotos
{
    /// <summary>
    /// Up to <paramref name="count"/> photos of <paramref name="directory"/> spread evenly over its
    /// sorted listing; a data folder (photos in <c>images/</c>) works too. No folder or no photo is
    /// an error naming the folder.
    /// </summary>
    public static IReadOnlyList<string> List(string directory, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Directory.Exists(directory))
            throw WmsException.NotFound($"{directory}: calibration folder not found");
        var photos = ImageFiles.List(directory);
        var images = Path.Combine(directory, "images");
        if (photos.Count == 0 && Directory.Exists(images)) photos = ImageFiles.List(images);
        if (photos.Count == 0)
            throw new WmsException($"{directory}: no calibration photos (.jpg, .jpeg or .png) in it or in its images/ folder");
        if (photos.Count <= count) return photos;
        return Enumerable.Range(0, count).Select(i => photos[(int)((long)i * photos.Count / count)]).ToList();
    }

    /// <summary>The model input for one photo: [3, size, size] floats in 0..1.</summary>
    public static float[] Load(string path, int size) =>
        Preprocessing.ToTensor(Preprocessing.Prepare(ImageDecoder.DecodeRgb(path), size));
}
