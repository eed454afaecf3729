using System.Diagnostics;
using Wms.Core.Dvc;

namespace Wms.Cli.Tracking;

/// <summary>Where a training's inputs came from: the git commit and the data folder's content hash.</summary>
internal static class RunProvenance
{
    /// <summary>
    /// The data folder's hash as DVC computes it (<c>&lt;md5&gt;.dir</c>), so it matches the md5 in the
    /// folder's <c>.dvc</c> file and changes with any photo or mask.
    /// </summary>
    public static string DatasetHash(string dataDirectory) => DirectoryHasher.Hash(dataDirectory).Oid;

    /// <summary>HEAD of the first of <paramref name="directories"/> inside a git repository; null when none is (or git is missing).</summary>
    public static string? GitCommit(params string[] directories)
    {
        foreach (var directory in directories.Where(Directory.Exists))
        {
            if (RevParse(directory) is { } commit) return commit;
        }
        return null;
    }

    private static string? RevParse(string directory)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "rev-parse", "--verify", "--quiet", "HEAD" }) start.ArgumentList.Add(arg);
        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length == 40 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed: no commit to record
        }
    }
}
