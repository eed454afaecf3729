using System.Runtime.Versioning;
using Wms.Core.Dvc.Storage;

namespace Wms.Core.Tests.Dvc;

/// <summary>The remote contract on a local-folder remote.</summary>
[UnsupportedOSPlatform("windows")] // cache objects are read-only files (0444), a Unix mode
public sealed class LocalRemoteTests : RemoteContractTests
{
    private protected override Task<IObjectStore> CreateRemoteAsync(DvcWorkspace workspace) =>
        Task.FromResult<IObjectStore>(workspace.LocalRemote());

    private protected override Task CorruptAsync(IObjectStore remote, string key)
    {
        var path = ((LocalObjectStore)remote).PathOf(key);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, "hello, corrupted\n");
        return Task.CompletedTask;
    }

    private protected override Task DeleteAsync(IObjectStore remote, string key)
    {
        File.Delete(((LocalObjectStore)remote).PathOf(key));
        return Task.CompletedTask;
    }
}
