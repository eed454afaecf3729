using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace Wms.Tests.Shared;

/// <summary>
/// A real S3-protocol server (s3rver 3.7, npm) for the S3 tests. Uses WMS_TEST_S3_ENDPOINT when
/// set (.ci/run starts one); otherwise starts it itself with tests/tools/s3rver-listen.js (after
/// `npm ci` in tests/tools) on a loopback port the system picks, with a temp folder, stopped when
/// the test process ends. Without either, S3 tests skip and say how to get one. Credentials are
/// s3rver's fixed S3RVER/S3RVER; each test makes its own bucket.
/// </summary>
public static class S3TestServer
{
    public const string EndpointVariable = "WMS_TEST_S3_ENDPOINT";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly Lazy<(string? Endpoint, string Reason)> Server = new(Start);

    /// <summary>The endpoint url (http://127.0.0.1:PORT), or skips the test.</summary>
    public static string Require()
    {
        var (endpoint, reason) = Server.Value;
        if (endpoint is null) Assert.Skip(reason);
        return endpoint;
    }

    /// <summary>A fresh bucket name (lowercase, unique per call).</summary>
    public static string NewBucketName() => "wms-test-" + Guid.NewGuid().ToString("N")[..16];

    private static (string?, string) Start()
    {
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } configured)
        {
            return IsListening(new Uri(configured), TimeSpan.FromSeconds(5))
                ? (configured.TrimEnd('/'), "")
                : (null, $"{EndpointVariable}={configured} is set but nothing answers there");
        }
        var tools = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", ".bin", "s3rver")))
            return (null, $"needs an S3 server: set {EndpointVariable}, or run 'npm ci' in tests/tools so the tests can start s3rver (.ci/run does)");

        var directory = Path.Combine(Path.GetTempPath(), "wms-s3rver-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        // s3rver-listen.js binds a port the system picks and prints it, as .ci/run starts it. A
        // watchdog shell stops the server when this test process is gone, even if it crashed.
        var script = $"node \"$0\" \"$1\" & child=$!; "
            + $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; kill $child 2>/dev/null; rm -rf \"$1\"";
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", script, Path.Combine(tools, "s3rver-listen.js"), directory }) psi.ArgumentList.Add(arg);
        var port = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) port.TrySetResult(line.Trim()); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (errors) errors.AppendLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!port.Task.Wait(TimeSpan.FromSeconds(30)) || !int.TryParse(port.Task.Result, out var number))
        {
            lock (errors) return (null, $"started tests/tools/s3rver-listen.js but it reported no port within 30 s: {errors.ToString().Trim()}");
        }
        var endpoint = $"http://127.0.0.1:{number}";
        return IsListening(new Uri(endpoint), TimeSpan.FromSeconds(10))
            ? (endpoint, "")
            : (null, $"s3rver reported port {number} but does not answer there");
    }

    private static bool IsListening(Uri endpoint, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(endpoint.Host, endpoint.Port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(200);
            }
        }
        return false;
    }
}
