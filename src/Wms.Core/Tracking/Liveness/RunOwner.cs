using System.Diagnostics;
using System.Globalization;

namespace Wms.Core.Tracking.Liveness;

/// <summary>
/// The process a run is logged from, recorded as run tags when the run is created, so a run left
/// RUNNING by a process that was killed outright (SIGKILL, power loss) can be recognised later:
/// <c>wms.pid</c>, <c>wms.host</c>, <c>wms.process_start</c> and a <c>wms.heartbeat</c> refreshed while it runs.
/// </summary>
public sealed record RunOwner(int ProcessId, string Host, DateTimeOffset ProcessStart)
{
    public const string PidTag = "wms.pid";
    public const string HostTag = "wms.host";
    public const string ProcessStartTag = "wms.process_start";
    public const string HeartbeatTag = "wms.heartbeat";
    public const string EndReasonTag = "wms.end_reason";

    /// <summary>This process.</summary>
    public static RunOwner Current()
    {
        using var process = Process.GetCurrentProcess();
        return new RunOwner(Environment.ProcessId, Environment.MachineName, process.StartTime.ToUniversalTime());
    }

    /// <summary>The tags to create the run with (the heartbeat starts at <paramref name="now"/>).</summary>
    public IReadOnlyDictionary<string, string> Tags(DateTimeOffset now) => new Dictionary<string, string>
    {
        [PidTag] = ProcessId.ToString(CultureInfo.InvariantCulture),
        [HostTag] = Host,
        [ProcessStartTag] = Stamp(ProcessStart),
        [HeartbeatTag] = Stamp(now),
    };

    /// <summary>The owner recorded in a run's tags; null for a run not logged by <c>wms train</c>.</summary>
    public static RunOwner? FromTags(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(PidTag, out var pidText) || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        if (!tags.TryGetValue(HostTag, out var host)) return null;
        return new RunOwner(pid, host, ParseStamp(tags.GetValueOrDefault(ProcessStartTag)) ?? DateTimeOffset.MinValue);
    }

    /// <summary>Unix milliseconds, the way MLflow stores times.</summary>
    public static string Stamp(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseStamp(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
