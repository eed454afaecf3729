using System.Security.Cryptography;
using System.Text;
using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>Data recorded by DVC 2 (no `hash: md5`, md5-dos2unix ids, objects at the remote's root) still pulls.</summary>
public sealed class LegacyDvc2Tests
{
    [Fact]
    public async Task A_dvc2_directory_pulls_from_the_legacy_remote_layout()
    {
        using var ws = new DvcWorkspace();
        // A text file with CRLF: DVC 2 named it by the hash of its LF form; a binary one by its bytes.
        var text = "reading,176.881\r\n";
        var textId = Md5("reading,176.881\n");
        var binary = new byte[] { 0xFF, 0xD8, 0, 1, (byte)'\r', (byte)'\n' };
        var binaryId = Convert.ToHexStringLower(MD5.HashData(binary));
        var manifest = new DirManifest([new ManifestEntry(textId, "values.csv"), new ManifestEntry(binaryId, "photo.jpg")]);
        var dirId = manifest.ComputeOid();
        var remote = ws.RemoteFolder;
        WriteObject(remote, textId, Encoding.ASCII.GetBytes(text));
        WriteObject(remote, binaryId, binary);
        WriteObject(remote, dirId, manifest.ToBytes());
        Directory.CreateDirectory(Path.Combine(ws.RepoRoot, "data"));
        File.WriteAllText(Path.Combine(ws.RepoRoot, "data", "images.dvc"), $"outs:\n- md5: {dirId}\n  size: 23\n  nfiles: 2\n  path: images\n");

        var pull = await DvcPull.PullAsync(ws.Repository, ws.Outputs(), ws.LocalRemote(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(pull.Succeeded, string.Join("\n", pull.Failures));
        Assert.Equal(text, File.ReadAllText(Path.Combine(ws.Images, "values.csv")));
        Assert.Equal(binary, File.ReadAllBytes(Path.Combine(ws.Images, "photo.jpg")));
        Assert.True(File.Exists(Path.Combine(ws.Repository.Cache.Root, textId[..2], textId[2..])));
        var status = Assert.Single(await DvcStatus.ComputeAsync(ws.Repository, ws.Outputs(), null, null, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(WorkspaceState.Unchanged, status.Workspace);
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(text)));

    private static void WriteObject(string root, string oid, byte[] bytes)
    {
        var path = Path.Combine(root, oid[..2], oid[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
