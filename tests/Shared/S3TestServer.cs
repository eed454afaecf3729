using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace Wms.Tests.Shared;

/// <summary>
/// A real S3-protocol server (s3rver 3.7, npm) for the S3 tests. Uses WMS_TEST_S3_ENDPOINT when
/// set (.ci/run starts one); otherwise starts tests/tools/node_modules/.bin/s3rver itself
/// (after `npm ci` in tests/tools) on a free loopback port with a temp folder, stopped when the
/// test process ends. Without either, S3 tests skip and say how to get one. Credentials are
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
        var s3rver = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "tools", "node_modules", ".bin", "s3rver");
        if (!File.Exists(s3rver))
            return (null, $"needs an S3 server: set {EndpointVariable}, or run 'npm ci' in tests/tools so the tests can start s3rver (.ci/run does)");

        var port = LoopbackPorts.Free();
        var directory = Path.Combine(Path.GetTempPath(), "wms-s3rver-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        // A watchdog shell stops s3rver when this test process is gone, even if it crashed.
        var script = $"\"$0\" -d \"$1\" -a 127.0.0.1 -p {port} --silent & child=$!; "
            + $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; kill $child 2>/dev/null; rm -rf \"$1\"";
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", script, s3rver, directory }) psi.ArgumentList.Add(arg);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = $"http://127.0.0.1:{port}";
        return IsListening(new Uri(endpoint), TimeSpan.FromSeconds(30))
            ? (endpoint, "")
            : (null, $"started {s3rver} on port {port} but it did not answer within 30 s");
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
