using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;
using Wms.Tests.Shared;

namespace Wms.Core.Tests.Dvc;

/// <summary>A temporary DVC repository with a tracked folder, for the add/push/pull/status tests.</summary>
internal sealed class DvcWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new("wms-dvc");

    public DvcWorkspace()
    {
        Directory.CreateDirectory(RepoRoot);
        Repository = DvcRepository.Init(RepoRoot);
    }

    public string RepoRoot => _temp.Combine("repo");

    public string RemoteFolder => _temp.Combine("remote");

    public DvcRepository Repository { get; private set; }

    public string Images => Path.Combine(RepoRoot, "data", "images");

    /// <summary>Writes ECOSYSTEM.md §a.2's test vector (a.jpg = "abc", sub/b.png = "hello\n") plus any extra files.</summary>
    public void WriteTestVector()
    {
        Write("a.jpg", "abc");
        Write("sub/b.png", "hello\n");
    }

    public void Write(string relPath, string content)
    {
        var path = Path.Combine(Images, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Write(string relPath, byte[] content)
    {
        var path = Path.Combine(Images, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public AddResult Add() => DvcAdd.Add(Repository, Images);

    public IReadOnlyList<TrackedOutput> Outputs() => TrackedOutput.Resolve(Repository, new Workspace(RepoRoot), []);

    /// <summary>Deletes the workspace copy and the cache, as on a fresh clone.</summary>
    public void ForgetLocalData()
    {
        Directory.Delete(Images, recursive: true);
        Directory.Delete(Path.Combine(Repository.DvcDirectory, "cache"), recursive: true);
    }

    /// <summary>Reloads the repository (after its config changed).</summary>
    public void Reload() => Repository = DvcRepository.Find(RepoRoot);

    public LocalObjectStore LocalRemote() => new(RemoteFolder);

    /// <summary>Every file under the workspace folder, relative with '/', and its content.</summary>
    public Dictionary<string, string> WorkspaceFiles() => Directory.Exists(Images)
        ? Directory.EnumerateFiles(Images, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(Images, p).Replace('\\', '/'), File.ReadAllText)
        : [];

    public void Dispose() => _temp.Dispose();
}
