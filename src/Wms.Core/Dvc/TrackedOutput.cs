namespace Wms.Core.Dvc;

/// <summary>An output of a <c>.dvc</c> file together with where it lives in the workspace.</summary>
public sealed record TrackedOutput(string DvcFilePath, DvcOut Out, string WorkspacePath)
{
    /// <summary>Every output of <paramref name="dvcFilePath"/>; an output path leaving the repository is refused.</summary>
    public static IReadOnlyList<TrackedOutput> Load(DvcRepository repository, string dvcFilePath)
    {
        var file = DvcFile.Load(dvcFilePath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(dvcFilePath))!;
        return file.Outs.Select(o =>
        {
            var workspacePath = Path.GetFullPath(o.Path, baseDir);
            var relative = Path.GetRelativePath(repository.Root, workspacePath);
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                throw new WmsException($"{dvcFilePath}: output path '{o.Path}' is outside the repository");
            return new TrackedOutput(Path.GetFullPath(dvcFilePath), o, workspacePath);
        }).ToList();
    }

    /// <summary>
    /// The outputs named by <paramref name="targets"/> (<c>.dvc</c> files, or the tracked paths
    /// they describe), or of every <c>.dvc</c> file in the repository when there are none.
    /// </summary>
    public static IReadOnlyList<TrackedOutput> Resolve(DvcRepository repository, Workspace workspace, IReadOnlyList<string> targets)
    {
        var files = targets.Count == 0
            ? repository.FindDvcFiles()
            : targets.Select(t => DvcFileFor(workspace.Resolve(t))).Distinct(StringComparer.Ordinal).ToList();
        return files.SelectMany(f => Load(repository, f)).ToList();
    }

    private static string DvcFileFor(string target)
    {
        if (target.EndsWith(".dvc", StringComparison.Ordinal) && File.Exists(target)) return target;
        var candidate = Path.TrimEndingDirectorySeparator(target) + ".dvc";
        return File.Exists(candidate)
            ? candidate
            : throw WmsException.NotFound($"{target}: neither a .dvc file nor a path tracked by one (no {Path.GetFileName(candidate)})");
    }

    /// <summary>The repository-relative output path, for messages.</summary>
    public string Name(DvcRepository repository) => repository.Relative(WorkspacePath);
}
