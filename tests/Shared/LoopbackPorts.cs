using System.Net;
using System.Net.Sockets;

namespace Wms.Tests.Shared;

/// <summary>
/// Loopback ports for servers a test starts itself, and for "nothing listens here" checks.
/// </summary>
/// <remarks>
/// Asking the kernel for port 0 and passing that number on races: the port is free only until the
/// listener closes, and the kernel hands the same ephemeral range out again to every outgoing
/// connection and every other bind to port 0 in the suite (CI once failed on exactly that). So the
/// ports come from below the ephemeral range, which the kernel never picks by itself, at random,
/// each checked bindable and never given twice in one test process.
/// </remarks>
public static class LoopbackPorts
{
    private const int Lowest = 20000;
    private static readonly int Below = Math.Max(Lowest + 100, EphemeralLow());
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Sync = new();

    /// <summary>A port nothing listens on now and nothing else in the suite will take.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Below);
            lock (Sync)
                if (!Given.Add(port)) continue;
            if (Bindable(port)) return port;
        }
        throw new InvalidOperationException($"no bindable loopback port in {Lowest}-{Below - 1}");
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The start of the kernel's ephemeral range (32768 on Linux unless tuned).</summary>
    private static int EphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var low))
            return low;
        return 32768;
    }
}
