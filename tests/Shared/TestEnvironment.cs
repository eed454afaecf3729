using System.Diagnostics;
using Xunit;

namespace Wms.Tests.Shared;

/// <summary>
/// Where the repository, the shared read-only folder and Debian's Python are. Tests that need
/// something a fresh clone lacks call a <c>Require*</c> method, which skips with the reason.
/// </summary>
public static class TestEnvironment
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WaterMeters.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("WaterMeters.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>`../shared` next to the repository (given to developers and CI, not to users).</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string WaterMetersDirectory => Path.Combine(SharedDirectory, "data", "water-meters");

    /// <summary>Debian's interpreter, which has python3-torch; the pyenv one first on PATH has not.</summary>
    public const string DebianPython = "/usr/bin/python3";

    public static string TorchReferenceScript => Path.Combine(SharedDirectory, "bench", "torch_reference.py");

    public static string RequireWaterMeters()
    {
        if (!Directory.Exists(Path.Combine(WaterMetersDirectory, "images")))
            Assert.Skip($"needs the real photos at {WaterMetersDirectory} (not in a user's clone)");
        return WaterMetersDirectory;
    }

    /// <summary>Skips unless Debian's python3 can import every module named.</summary>
    public static void RequirePython(params string[] modules)
    {
        var key = string.Join(",", modules);
        if (!PythonChecks.GetOrAdd(key, _ => PythonHas(modules)))
            Assert.Skip($"needs {DebianPython} with {key} (apt-get install python3-torch python3-opencv python3-pil; .ci/run does)");
    }

    public static string RequireTorchReference()
    {
        RequirePython("torch", "cv2", "PIL", "numpy");
        if (!File.Exists(TorchReferenceScript))
            Assert.Skip($"needs {TorchReferenceScript} (not in a user's clone)");
        return TorchReferenceScript;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> PythonChecks = new();

    private static bool PythonHas(string[] modules)
    {
        if (!File.Exists(DebianPython)) return false;
        try
        {
            var (code, _, _) = Run(DebianPython, ["-c", "import " + string.Join(", ", modules)], TimeSpan.FromSeconds(60));
            return code == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Runs a process to completion and returns its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
