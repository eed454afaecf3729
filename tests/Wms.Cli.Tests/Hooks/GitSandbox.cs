using System.Diagnostics;
using Wms.Tests.Shared;

namespace Wms.Cli.Tests.Hooks;

/// <summary>
/// A git working repository and a bare "remote" in a temp folder, driven with the real git
/// executable, isolated from the machine's git configuration.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    private readonly TempDirectory _temp = new("wms-git");

    public GitSandbox()
    {
        File.WriteAllText(GlobalConfig, "");
        Directory.CreateDirectory(Work);
        Git(_temp.Path, "init", "--bare", "-b", "main", Remote);
        Git(Work, "init", "-b", "main");
        Git(Work, "config", "user.name", "Test User");
        Git(Work, "config", "user.email", "test@example.com");
        Git(Work, "remote", "add", "origin", Remote);
    }

    public string Work => _temp.Combine("work");

    public string Remote => _temp.Combine("remote.git");

    private string GlobalConfig => _temp.Combine("gitconfig");

    public void Commit(string relPath, string content, string message)
    {
        var path = Path.Combine(Work, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        Git(Work, "add", "--", relPath);
        Git(Work, "commit", "-q", "-m", message);
    }

    /// <summary>Runs git in the work tree; returns exit code and output, never throws for a non-zero exit.</summary>
    public (int ExitCode, string Stdout, string Stderr) TryGit(params string[] args) => Run(Work, args);

    public string Git(string directory, params string[] args)
    {
        var (code, stdout, stderr) = Run(directory, args);
        return code == 0 ? stdout.Trim() : throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({code}): {stderr}");
    }

    /// <summary>The commit a ref points at on the remote, or null.</summary>
    public string? RemoteRef(string name)
    {
        var (code, stdout, _) = Run(Remote, ["rev-parse", "--verify", "-q", name]);
        return code == 0 ? stdout.Trim() : null;
    }

    public IReadOnlyList<string> RemoteBranches() =>
        Git(Remote, "for-each-ref", "--format=%(refname:short)", "refs/heads").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string Head => Git(Work, "rev-parse", "HEAD");

    private (int, string, string) Run(string directory, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["GIT_CONFIG_GLOBAL"] = GlobalConfig;
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', args)} took longer than a minute");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => _temp.Dispose();
}
