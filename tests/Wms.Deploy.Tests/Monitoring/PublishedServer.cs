using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Wms.Tests.Shared;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>
/// The published serving app run as the image runs it (<c>dotnet Wms.Serving.dll</c>, configured by
/// environment variables only) on a free port on 127.0.0.1; killed at dispose.
/// </summary>
public sealed class PublishedServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public PublishedServer(string publishDirectory, IReadOnlyDictionary<string, string> environment)
    {
        Port = LoopbackPorts.Free();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = publishDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(publishDirectory, "Wms.Serving.dll"));
        // Only what the test sets: no model source or API key leaking in from the machine.
        foreach (var key in new[] { "MODEL_PATH", "MODEL_VERSION", "WMS_API_KEY", "MLFLOW_TRACKING_URI", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" })
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    /// <summary>host:port, as a Prometheus scrape target.</summary>
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public HttpClient Client { get; }

    /// <summary>What the server logged (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Polls /ready until 200; false when the process died or <paramref name="timeout"/> passed.</summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, cancellationToken);
        }
        return false;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
            if (_output.Length < 64 * 1024) _output.AppendLine(line);
    }
}
