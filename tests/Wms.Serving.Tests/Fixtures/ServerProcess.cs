using System.Diagnostics;
using System.Net;
using System.Text;
using Wms.Tests.Shared;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>
/// The server as the container runs it: <c>dotnet Wms.Serving.dll</c>, configured by environment
/// variables only, on a real Kestrel port on 127.0.0.1.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServerProcess(IReadOnlyDictionary<string, string> environment)
    {
        Port = LoopbackPorts.Free();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wms.Serving.dll"));
        // Only what the test sets: no MODEL_PATH or API key leaking in from the machine.
        foreach (var key in new[] { "MODEL_PATH", "MODEL_VERSION", "WMS_API_KEY", "MLFLOW_TRACKING_URI", "ASPNETCORE_URLS" }) psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What Kubernetes sends to stop a pod.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Polls /ready until 200; null when the process died or <paramref name="timeout"/> passed.</summary>
    public async Task<TimeSpan?> WaitUntilReadyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("/ready");
                if (response.StatusCode == HttpStatusCode.OK) return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(25);
        }
        return null;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
