using System.Diagnostics;

namespace Wms.Core.Tracking.Liveness;

/// <summary>Asks the operating system.</summary>
public sealed class LocalProcessProbe : IProcessProbe
{
    /// <summary>Start times are compared to this: /proc gives them in clock ticks, the tag in milliseconds.</summary>
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    public bool IsAlive(int processId, DateTimeOffset startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited) return false;
            // A run recorded without a start time: the pid alone decides.
            if (startedAt == DateTimeOffset.MinValue) return true;
            return (new DateTimeOffset(process.StartTime.ToUniversalTime()) - startedAt).Duration() <= StartTolerance;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited while being looked at
        }
    }
}
