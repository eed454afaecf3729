using Xunit;

namespace Wms.Deploy.Tests.Docker;

/// <summary>The Dockerfiles, checked as files: no Docker engine runs here.</summary>
public sealed class DockerfileTests
{
    private const string Sdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string AspNet = "mcr.microsoft.com/dotnet/aspnet:10.0";

    private static readonly Dockerfile Serving = Dockerfile.Load(Path.Combine(RepoPaths.Docker, "Dockerfile.serving"));
    private static readonly Dockerfile Training = Dockerfile.Load(Path.Combine(RepoPaths.Docker, "Dockerfile.training"));

    [Fact]
    public void Serving_builds_on_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        Assert.Equal(2, Serving.Stages.Count);
        Assert.Equal(Sdk, Serving.Stages[0].BaseImage);
        Assert.Equal(AspNet, Serving.Final.BaseImage);
        Assert.Contains(Serving.Final.All("COPY"), c => c.StartsWith($"--from={Serving.Stages[0].Name} ", StringComparison.Ordinal));
    }

    [Fact]
    public void Serving_publishes_only_the_serving_app_without_torchsharp_or_libtorch()
    {
        var dotnetSteps = Serving.Instructions.Where(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet ", StringComparison.Ordinal)).ToList();
        Assert.Contains(dotnetSteps, s => s.Arguments.StartsWith("dotnet publish src/Wms.Serving/Wms.Serving.csproj", StringComparison.Ordinal));
        Assert.All(dotnetSteps, s => Assert.Contains("src/Wms.Serving/Wms.Serving.csproj", s.Arguments));
        foreach (var instruction in Serving.Instructions)
        {
            Assert.DoesNotContain("Wms.Training", instruction.Arguments);
            Assert.DoesNotContain("Wms.Cli", instruction.Arguments);
            Assert.DoesNotContain("torch", instruction.Arguments, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Serving_runs_as_the_non_root_app_user_on_port_8000()
    {
        AssertNonRoot(Serving.Final);
        Assert.Equal("8000", Serving.Final.Last("EXPOSE"));
        var env = string.Join(' ', Serving.Final.All("ENV"));
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8000", env);
        Assert.Equal("[\"dotnet\", \"Wms.Serving.dll\"]", Serving.Final.Last("ENTRYPOINT"));
    }

    [Fact]
    public void Serving_limits_glibcs_malloc_arenas_from_the_start()
    {
        // glibc reads it once, before the runtime's first threads: only the image can set it that early.
        Assert.Contains("MALLOC_ARENA_MAX=2", string.Join(' ', Serving.Final.All("ENV")));
    }

    [Fact]
    public void Serving_has_a_healthcheck_that_needs_no_curl()
    {
        var healthcheck = Serving.Final.Last("HEALTHCHECK");
        Assert.NotNull(healthcheck);
        Assert.Contains("CMD [\"dotnet\", \"Wms.Serving.dll\", \"--probe\"]", healthcheck);
        Assert.DoesNotContain("curl", healthcheck);
        Assert.DoesNotContain("wget", healthcheck);
        Assert.Matches(@"--start-period=\d+s", healthcheck);
    }

    [Fact]
    public void Both_images_install_the_system_libjpeg_turbo_as_root_before_switching_user()
    {
        foreach (var image in new[] { Serving, Training })
        {
            var steps = image.Final.Instructions.ToList();
            var install = steps.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("install -y --no-install-recommends libturbojpeg0", StringComparison.Ordinal));
            Assert.True(install >= 0, "no apt-get install of libturbojpeg0 in the runtime stage");
            Assert.True(install < steps.FindIndex(i => i.Keyword == "USER"), "installed after USER: apt-get would run as the app user");
            Assert.Contains("rm -rf /var/lib/apt/lists/*", steps[install].Arguments);
        }
    }

    [Fact]
    public void Training_publishes_the_cli_with_libtorch_and_runs_it_as_non_root()
    {
        Assert.Equal(Sdk, Training.Stages[0].BaseImage);
        Assert.Equal(AspNet, Training.Final.BaseImage);
        Assert.Contains(Training.Instructions, i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish src/Wms.Cli/Wms.Cli.csproj", StringComparison.Ordinal));
        AssertNonRoot(Training.Final);
        Assert.Equal("[\"dotnet\", \"/app/wms.dll\"]", Training.Final.Last("ENTRYPOINT"));
    }

    [Theory]
    [InlineData("Dockerfile.serving", "src/Wms.Serving/Wms.Serving.csproj")]
    [InlineData("Dockerfile.training", "src/Wms.Cli/Wms.Cli.csproj")]
    public void Every_project_file_the_app_needs_is_copied_before_the_restore_and_every_copied_file_exists(string file, string project)
    {
        var dockerfile = Dockerfile.Load(Path.Combine(RepoPaths.Docker, file));
        var build = dockerfile.Stages[0].Instructions.ToList();
        var restore = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "a separate restore step keeps the package layer cached");
        var copiedBeforeRestore = build.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(i => Sources(i.Arguments)).ToList();

        foreach (var needed in ProjectGraph.Closure(RepoPaths.Root, project))
            Assert.Contains(needed, copiedBeforeRestore);
        foreach (var source in build.Where(i => i.Keyword == "COPY").SelectMany(i => Sources(i.Arguments)))
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, source)) || Directory.Exists(Path.Combine(RepoPaths.Root, source)), $"{file} copies {source}, which is not in the repository");
    }

    [Fact]
    public void The_build_context_leaves_out_outputs_git_and_data()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var entry in new[] { "**/bin/", "**/obj/", "artifacts/", ".git/", "data/", "models/" })
            Assert.Contains(entry, ignored);
    }

    private static void AssertNonRoot(Stage stage)
    {
        var user = stage.Last("USER");
        Assert.NotNull(user);
        // $APP_UID is the mcr.microsoft.com/dotnet images' non-root 'app' user (1654), numeric so
        // that Kubernetes' runAsNonRoot can verify it.
        Assert.Contains(user, new[] { "$APP_UID", "${APP_UID}", "1654", "app" });
    }

    private static IEnumerable<string> Sources(string copyArguments)
    {
        var parts = copyArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
        return parts.Take(parts.Count - 1).Select(p => p.TrimEnd('/'));
    }
}
