using Wms.Tests.Shared;
using Xunit;

// One publish for the whole assembly: the image checks and the live monitoring test share it.
[assembly: AssemblyFixture(typeof(Wms.Deploy.Tests.Docker.ServingPublishFixture))]

namespace Wms.Deploy.Tests.Docker;

/// <summary>
/// `dotnet publish src/Wms.Serving -c Release`, as the serving image's build stage runs it, once
/// per test assembly on first use (it takes tens of seconds), into a temporary folder.
/// </summary>
public sealed class ServingPublishFixture : IDisposable
{
    private readonly TempDirectory _output = new("wms-serving-publish");
    private readonly Lazy<string> _published;

    public ServingPublishFixture() => _published = new(Publish);

    /// <summary>The publish folder (publishing on first use).</summary>
    public string Directory => _published.Value;

    public void Dispose() => _output.Dispose();

    private string Publish()
    {
        var project = Path.Combine(RepoPaths.Root, "src", "Wms.Serving", "Wms.Serving.csproj");
        var (code, stdout, stderr) = TestEnvironment.Run("dotnet",
            ["publish", project, "-c", "Release", "-o", _output.Path, "--nologo", "-nodeReuse:false", "--disable-build-servers"],
            TimeSpan.FromMinutes(8), RepoPaths.Root);
        Assert.True(code == 0, $"dotnet publish failed:\n{stdout}\n{stderr}");
        return _output.Path;
    }
}
