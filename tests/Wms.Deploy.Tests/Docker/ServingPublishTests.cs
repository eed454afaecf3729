using System.Net;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Deploy.Tests.Docker;

/// <summary>What goes into the serving image: the published app, and its built-in HEALTHCHECK probe.</summary>
public sealed class ServingPublishTests(ServingPublishFixture publish)
{
    /// <summary>
    /// Measured 46 MB (2026-11): ONNX Runtime's libonnxruntime.so 29 MB, SkiaSharp's native 12 MB,
    /// about 5 MB of managed code. 56 MB leaves room for the app to grow and still fails on the
    /// regressions that matter: libtorch (hundreds of MB) or the Windows onnxruntime.dll (17 MB)
    /// that the ONNX Runtime package adds to linux-x64 outputs unless build/OnnxRuntimeOnLinux.targets drops it.
    /// </summary>
    private const long MaxPublishedBytes = 56L * 1024 * 1024;

    [Fact]
    public void The_published_app_has_no_torchsharp_libtorch_or_ec2_sdk()
    {
        var files = System.IO.Directory.GetFiles(publish.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("Wms.Serving.dll", files);
        Assert.Contains("libonnxruntime.so", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f!.Contains("TorchSharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f!.StartsWith("libLibTorchSharp", StringComparison.Ordinal));
        Assert.DoesNotContain("AWSSDK.EC2.dll", files);
        Assert.DoesNotContain("onnxruntime.dll", files);
    }

    [Fact]
    public void The_published_app_stays_under_its_size_bound()
    {
        var bytes = new DirectoryInfo(publish.Directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.True(bytes < MaxPublishedBytes, $"published serving app is {bytes / 1024.0 / 1024:F1} MB, over the {MaxPublishedBytes / 1024 / 1024} MB bound");
    }

    [Fact]
    public async Task The_probe_exits_0_when_ready_and_1_when_not_or_unreachable()
    {
        using var server = new StatusServer();
        server.Status = HttpStatusCode.OK;
        var ready = await ProbeAsync(server.Port, url: null);
        server.Status = HttpStatusCode.ServiceUnavailable;
        var notReady = await ProbeAsync(server.Port, url: null);
        var closedPort = LoopbackPorts.Free();
        var unreachable = await ProbeAsync(closedPort, $"http://127.0.0.1:{closedPort}/ready");

        Assert.True(ready.ExitCode == 0, ready.Output);
        Assert.Equal(["/ready", "/ready"], server.Paths);
        Assert.Equal(1, notReady.ExitCode);
        Assert.Contains("503", notReady.Output);
        Assert.Equal(1, unreachable.ExitCode);
    }

    private async Task<(int ExitCode, string Output)> ProbeAsync(int port, string? url)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(publish.Directory, "Wms.Serving.dll"));
        psi.ArgumentList.Add("--probe");
        if (url is not null) psi.ArgumentList.Add(url);
        // As in the image: the probe finds the port where the app listens.
        psi.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A minimal HTTP server on 127.0.0.1 answering every request with <see cref="Status"/>.</summary>
    private sealed class StatusServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _paths = [];

        public StatusServer()
        {
            Port = LoopbackPorts.Free();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port { get; }
        public HttpStatusCode Status { get; set; }

        public IReadOnlyList<string> Paths
        {
            get { lock (_paths) return [.. _paths]; }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                lock (_paths) _paths.Add(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = (int)Status;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
