using System.Runtime.Versioning;
using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>
/// Push and pull through a real remote (a local folder, and s3rver in <see cref="S3RemoteTests"/>):
/// a round trip is byte-exact; a push that cannot send every file object leaves no .dir on the
/// remote; a pull that meets a corrupt or missing object changes nothing in the workspace.
/// </summary>
[UnsupportedOSPlatform("windows")] // cache objects are read-only files (0444), a Unix mode
public abstract class RemoteContractTests
{
    private const string DirKey = "files/md5/da/9096dcad8f33a165151d4009157d17.dir";
    private const string AKey = "files/md5/90/0150983cd24fb0d6963f7d28e17f72";
    private const string BKey = "files/md5/b1/946ac92492d2347c6235b4d2611184";

    /// <summary>The remote under test, empty.</summary>
    private protected abstract Task<IObjectStore> CreateRemoteAsync(DvcWorkspace workspace);

    /// <summary>Replaces an object's bytes on the remote behind the store's back.</summary>
    private protected abstract Task CorruptAsync(IObjectStore remote, string key);

    private protected abstract Task DeleteAsync(IObjectStore remote, string key);

    [Fact]
    public async Task A_round_trip_restores_every_byte()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        var binary = new byte[300_000];
        new Random(5).NextBytes(binary);
        ws.Write("deep/er/photo.jpg", binary);
        ws.Add();
        var before = ws.WorkspaceFiles();
        var remote = await CreateRemoteAsync(ws);

        var push = await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, jobs: 4, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(push.Succeeded, string.Join("\n", push.Failures));
        Assert.Equal(4, push.Transferred); // three files and the .dir
        Assert.Equal(4, (await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken)).AlreadyPresent);

        ws.ForgetLocalData();
        var pull = await DvcPull.PullAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(pull.Succeeded, string.Join("\n", pull.Failures));
        Assert.Equal(3, pull.CheckedOut);
        Assert.Equal(before, ws.WorkspaceFiles());
        Assert.Equal(binary, File.ReadAllBytes(Path.Combine(ws.Images, "deep/er/photo.jpg")));
        var status = Assert.Single(await DvcStatus.ComputeAsync(ws.Repository, ws.Outputs(), remote, "r", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(WorkspaceState.Unchanged, status.Workspace);
        Assert.Equal(new RemoteObjectStatus("r", 4, 0, 0, 0), status.Remote);
    }

    [Fact]
    public async Task A_push_that_fails_one_object_leaves_no_dir_on_the_remote()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        ws.Add();
        var remote = await CreateRemoteAsync(ws);
        // A damaged cache object: its bytes no longer match its name, so it must not be sent.
        var damaged = ws.Repository.Cache.PathOf(AKey);
        File.SetUnixFileMode(damaged, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(damaged, "abd");

        var push = await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(push.Succeeded);
        Assert.Contains(push.Failures, f => f.Key == AKey && f.Kind == WmsErrorKind.DataInvalid && f.Reason.Contains("corrupt"));
        Assert.Contains(push.Failures, f => f.Key == DirKey);
        Assert.True(await remote.ExistsAsync(BKey, TestContext.Current.CancellationToken));
        Assert.False(await remote.ExistsAsync(AKey, TestContext.Current.CancellationToken));
        Assert.False(await remote.ExistsAsync(DirKey, TestContext.Current.CancellationToken));

        // Repaired, the next push completes the directory and only then sends the .dir.
        File.Delete(damaged);
        ws.Add();
        var retry = await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(retry.Succeeded);
        Assert.Equal(2, retry.Transferred);
        Assert.True(await remote.ExistsAsync(DirKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_pull_that_meets_a_corrupt_object_leaves_the_workspace_as_it_was()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        ws.Add();
        var remote = await CreateRemoteAsync(ws);
        await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);
        await CorruptAsync(remote, BKey);
        // The workspace lost a.jpg; the cache is gone, so sub/b.png must come from the remote.
        File.Delete(Path.Combine(ws.Images, "a.jpg"));
        Directory.Delete(Path.Combine(ws.Repository.DvcDirectory, "cache"), recursive: true);

        var pull = await DvcPull.PullAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(pull.Succeeded);
        Assert.Contains(pull.Failures, f => f.Key == BKey && f.Kind == WmsErrorKind.DataInvalid);
        Assert.Equal(0, pull.CheckedOut);
        // Nothing half-done: a.jpg not restored alone, b.png intact, no corrupt object cached, no temp files.
        Assert.Equal(new Dictionary<string, string> { ["sub/b.png"] = "hello\n" }, ws.WorkspaceFiles());
        Assert.False(ws.Repository.Cache.Exists(BKey));
        Assert.Empty(Directory.EnumerateFiles(ws.Repository.DvcDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_pull_with_a_missing_object_writes_nothing()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        ws.Add();
        var remote = await CreateRemoteAsync(ws);
        await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);
        await DeleteAsync(remote, AKey);
        ws.ForgetLocalData();

        var pull = await DvcPull.PullAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(pull.Failures, f => f.Key == AKey && f.Kind == WmsErrorKind.NotFound);
        Assert.Empty(ws.WorkspaceFiles());
        var status = Assert.Single(await DvcStatus.ComputeAsync(ws.Repository, ws.Outputs(), remote, "r", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(WorkspaceState.Deleted, status.Workspace);
        // .dir and b.png were fetched into the cache; a.jpg is in neither place: "missing".
        Assert.Equal(new RemoteObjectStatus("r", 2, 0, 0, 1), status.Remote);
    }

    [Fact]
    public async Task A_pull_does_not_overwrite_local_changes_unless_forced()
    {
        using var ws = new DvcWorkspace();
        ws.WriteTestVector();
        ws.Add();
        var remote = await CreateRemoteAsync(ws);
        await DvcPush.PushAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);
        ws.Write("a.jpg", "edited");
        ws.Write("new.jpg", "not tracked yet");
        File.Delete(Path.Combine(ws.Images, "sub", "b.png"));

        var pull = await DvcPull.PullAsync(ws.Repository, ws.Outputs(), remote, cancellationToken: TestContext.Current.CancellationToken);
        var conflict = Assert.Single(pull.Conflicts);
        Assert.Equal(["a.jpg"], conflict.Modified);
        Assert.Equal(["new.jpg"], conflict.New);
        Assert.Equal("edited", File.ReadAllText(Path.Combine(ws.Images, "a.jpg")));

        var forced = await DvcPull.PullAsync(ws.Repository, ws.Outputs(), remote, force: true, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(forced.Succeeded);
        Assert.Equal((2, 1), (forced.CheckedOut, forced.Removed));
        Assert.Equal(new Dictionary<string, string> { ["a.jpg"] = "abc", ["sub/b.png"] = "hello\n" }, ws.WorkspaceFiles());
    }
}
