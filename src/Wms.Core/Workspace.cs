namespace Wms.Core;

/// <summary>
/// The folder relative paths are resolved against (the current directory for the CLI). Passed
/// around instead of reading <see cref="Environment.CurrentDirectory"/>, so tests run in parallel.
/// </summary>
public sealed record Workspace(string Root)
{
    public static Workspace Current() => new(Directory.GetCurrentDirectory());

    /// <summary>An absolute path for <paramref name="path"/>, relative ones taken from <see cref="Root"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Root);
}
