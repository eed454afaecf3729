using System.Diagnostics;

namespace Wms.Core.Hooks;

/// <summary>Installs the pre-push hook into a git repository's hooks folder (honouring <c>core.hooksPath</c>).</summary>
public static class HookInstaller
{
    /// <param name="force">Replace a pre-push hook that is not ours (it is kept as <c>pre-push.backup</c>).</param>
    public static HookInstallResult Install(string repositoryDirectory, string script, bool force)
    {
        var hooksDirectory = Git(repositoryDirectory, "rev-parse", "--git-path", "hooks");
        hooksDirectory = Path.GetFullPath(hooksDirectory, repositoryDirectory);
        Directory.CreateDirectory(hooksDirectory);
        var hook = Path.Combine(hooksDirectory, "pre-push");
        string? backup = null;
        var exists = File.Exists(hook);
        if (exists && !File.ReadAllText(hook).Contains(PrePushHookScript.Marker, StringComparison.Ordinal))
        {
            if (!force)
                throw new WmsException($"{hook}: a pre-push hook that wms did not write exists; pass --force to replace it (it is kept as pre-push.backup)", WmsErrorKind.Conflict);
            backup = hook + ".backup";
            File.Copy(hook, backup, overwrite: true);
        }
        AtomicFile.WriteAllText(hook, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return new HookInstallResult(hook, exists, backup);
    }

    private static string Git(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new WmsException($"{directory}: not a git repository ({error.Trim()})");
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new WmsException($"git not found on PATH ({e.Message})", WmsErrorKind.DependencyUnavailable, e);
        }
    }
}
