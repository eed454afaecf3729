using Wms.Core;

namespace Wms.Cli.Pipeline;

/// <summary>
/// One pipeline run at a time per state folder: an exclusive lock on <c>&lt;state-dir&gt;/.lock</c>,
/// held while the run goes. The operating system drops it when the process ends, killed or not,
/// so a killed run never blocks the next one.
/// </summary>
public sealed class PipelineLock : IDisposable
{
    private readonly FileStream _stream;

    private PipelineLock(FileStream stream) => _stream = stream;

    public static PipelineLock Acquire(string stateRoot)
    {
        Directory.CreateDirectory(stateRoot);
        var path = Path.Combine(stateRoot, ".lock");
        try
        {
            return new PipelineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new WmsException($"{path}: another 'wms pipeline run' is running on this workspace; wait for it to finish", WmsErrorKind.Conflict);
        }
    }

    public void Dispose() => _stream.Dispose();
}
