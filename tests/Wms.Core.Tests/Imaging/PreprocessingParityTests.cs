using Wms.Core.Imaging;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Imaging;

/// <summary>Our preprocessing against the original's (Pillow + OpenCV, via torch_reference.py) on real photos.</summary>
public sealed class PreprocessingParityTests
{
    [Fact]
    public void Real_photos_preprocess_to_the_same_bytes_as_the_original()
    {
        var script = TestEnvironment.RequireTorchReference();
        var data = TestEnvironment.RequireWaterMeters();
        using var temp = new TempDirectory();
        var photos = Directory.GetFiles(Path.Combine(data, "unlabeled")).Order().ToList();
        photos.AddRange(Directory.GetFiles(Path.Combine(data, "images")).Order().Take(10));

        var args = new List<string> { Path.Combine(TestEnvironment.RepositoryRoot, "tests/Wms.Core.Tests/Imaging/preprocess_reference.py"), Path.GetDirectoryName(script)! };
        foreach (var (photo, i) in photos.Select((p, i) => (p, i)))
            args.AddRange([photo, temp.Combine($"{i}.u8")]);
        var (code, _, stderr) = TestEnvironment.Run(TestEnvironment.DebianPython, args, TimeSpan.FromMinutes(3));
        Assert.True(code == 0, stderr);

        foreach (var (photo, i) in photos.Select((p, i) => (p, i)))
        {
            var expected = File.ReadAllBytes(temp.Combine($"{i}.u8"));
            var actual = Preprocessing.Prepare(ImageDecoder.DecodeRgb(photo));
            Assert.Equal(expected.Length, actual.Length);
            var differing = 0;
            var maxDiff = 0;
            for (var k = 0; k < expected.Length; k++)
            {
                var d = Math.Abs(expected[k] - actual[k]);
                if (d == 0) continue;
                differing++;
                maxDiff = Math.Max(maxDiff, d);
            }
            Assert.True(differing == 0, $"{Path.GetFileName(photo)}: {differing} of {expected.Length} bytes differ, max by {maxDiff}");
        }
    }
}
