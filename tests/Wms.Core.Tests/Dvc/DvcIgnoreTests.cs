using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>.dvcignore with gitignore semantics.</summary>
public sealed class DvcIgnoreTests
{
    [Theory]
    [InlineData("*.tmp", "data/images/a.tmp", true)]
    [InlineData("*.tmp", "data/images/a.jpg", false)]
    [InlineData(".DS_Store", "data/images/.DS_Store", true)]
    [InlineData("/data/images/skip.jpg", "data/images/skip.jpg", true)]
    [InlineData("/skip.jpg", "data/images/skip.jpg", false)]
    [InlineData("cache/", "data/cache/x.jpg", true)]
    [InlineData("cache/", "data/cache", false)]
    [InlineData("data/**/raw", "data/a/b/raw/x.jpg", true)]
    [InlineData("**/thumbs", "data/images/thumbs/x.jpg", true)]
    [InlineData("*.jpg\n!keep.jpg", "data/keep.jpg", false)]
    [InlineData("*.jpg\n!keep.jpg", "data/drop.jpg", true)]
    [InlineData("tmp/\n!tmp/keep.jpg", "tmp/keep.jpg", true)]
    [InlineData("img?.jpg", "data/img1.jpg", true)]
    [InlineData("img[0-4].jpg", "data/img7.jpg", false)]
    [InlineData("# comment\n\n", "data/x.jpg", false)]
    public void Matches_like_gitignore(string patterns, string path, bool ignored)
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var ignore = DvcIgnore.Parse(patterns, root);
        Assert.Equal(ignored, ignore.IsIgnored(Path.Combine(root, path)));
    }
}
