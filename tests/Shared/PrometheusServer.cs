using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Wms.Tests.Shared;

/// <summary>
/// Something for Prometheus to scrape: <c>Address</c> is host:port, on 127.0.0.1 in tests.
/// <c>Labels</c> are added to every series scraped from it, as Kubernetes service discovery adds
/// <c>namespace</c> and <c>pod</c>.
/// </summary>
public sealed record ScrapeTarget(string Job, string Address, string MetricsPath = "/metrics", IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>
/// A real Prometheus (Debian's package) on 127.0.0.1, with its own configuration and storage in a
/// temporary folder, stopped and deleted at dispose. Give it scrape targets (a `wms serve` started
/// by the test, say) and rule files, then query it over its HTTP API as Grafana would.
/// </summary>
/// <example>
/// <code>
/// await using var prometheus = await PrometheusServer.StartAsync([new ScrapeTarget("wms", "127.0.0.1:5123")]);
/// await prometheus.WaitForTargetsUpAsync(TimeSpan.FromSeconds(30));
/// var result = await prometheus.WaitForDataAsync("sum(rate(wms_predictions_total[1m]))", TimeSpan.FromSeconds(30));
/// </code>
/// </example>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _directory;
    private readonly StringBuilder _log;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, TempDirectory directory, StringBuilder log, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        _log = log;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    /// <summary>What Prometheus printed so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>The full path of a Prometheus tool (prometheus, promtool), or null when not installed.</summary>
    public static string? FindTool(string name = "prometheus")
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return new[] { "/usr/bin" }.Concat(path.Split(':', StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The tool's path; skips the test (with the reason) when it is not installed.</summary>
    public static string RequireTool(string name = "prometheus")
    {
        var tool = FindTool(name);
        if (tool is null)
            Assert.Skip($"needs {name} from Debian's prometheus package (apt-get install prometheus; .ci/run does)");
        return tool;
    }

    /// <summary>Starts Prometheus scraping <paramref name="targets"/> and evaluating <paramref name="ruleFiles"/> every <paramref name="interval"/> (1 s by default).</summary>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<ScrapeTarget>? targets = null, IEnumerable<string>? ruleFiles = null,
        TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var binary = RequireTool();
        var directory = new TempDirectory("wms-prometheus");
        try
        {
            var config = directory.Combine("prometheus.yml");
            // JSON is YAML, and System.Text.Json gets the quoting right.
            await File.WriteAllTextAsync(config, Config(targets ?? [], ruleFiles ?? [], interval ?? TimeSpan.FromSeconds(1)), cancellationToken);
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    return await LaunchAsync(binary, config, directory, cancellationToken);
                }
                catch (IOException e)
                {
                    last = e; // the free port was taken before Prometheus bound it; try another
                }
            }
            throw last!;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Runs an instant query; a PromQL syntax or type error comes back as <c>bad_data</c>, not as an exception.</summary>
    public async Task<PromQueryResult> QueryAsync(string expression, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync("api/v1/query",
            new FormUrlEncodedContent([new("query", expression)]), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return PromQueryResult.Parse(expression, body);
    }

    /// <summary>Polls until the query returns at least one series (or fails the test after <paramref name="timeout"/>).</summary>
    public async Task<PromQueryResult> WaitForDataAsync(string expression, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await QueryAsync(expression, cancellationToken);
            if (result.SeriesCount > 0 || DateTime.UtcNow > deadline) return result;
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The scrape targets as Prometheus sees them: (job, health "up"/"down"/"unknown", last error).</summary>
    public async Task<IReadOnlyList<(string Job, string Health, string LastError)>> TargetsAsync(CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("api/v1/targets", cancellationToken));
        return [.. document.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray().Select(t => (
            t.GetProperty("labels").GetProperty("job").GetString() ?? "",
            t.GetProperty("health").GetString() ?? "",
            t.GetProperty("lastError").GetString() ?? ""))];
    }

    /// <summary>Waits until every target has been scraped successfully; fails with their errors otherwise.</summary>
    public async Task WaitForTargetsUpAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var targets = await TargetsAsync(cancellationToken);
            if (targets.Count > 0 && targets.All(t => t.Health == "up")) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail("Prometheus targets not up: " + string.Join("; ", targets.Select(t => $"{t.Job} {t.Health} {t.LastError}")));
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The rule groups and alert states (<c>/api/v1/rules</c>), as JSON.</summary>
    public async Task<JsonElement> RulesAsync(CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("api/v1/rules", cancellationToken));
        return document.RootElement.GetProperty("data").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone, or not stopping: nothing more a test can do about it.
        }
        _process.Dispose();
        _directory.Dispose();
    }

    private static async Task<PrometheusServer> LaunchAsync(string binary, string config, TempDirectory directory, CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.Free();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        foreach (var arg in new[]
        {
            "--config.file=" + config,
            "--storage.tsdb.path=" + directory.Combine("data-" + port),
            "--storage.tsdb.retention.time=1h",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        })
            psi.ArgumentList.Add(arg);

        var log = new StringBuilder();
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, directory, log, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var text = server.Log;
                if (text.Contains("address already in use", StringComparison.Ordinal))
                    throw new IOException($"port {port} taken");
                throw new InvalidOperationException($"prometheus exited with {process.ExitCode}: {text}");
            }
            try
            {
                using var ready = await probe.GetAsync(new Uri(server.BaseAddress, "-/ready"), cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        await server.DisposeAsync();
        throw new TimeoutException("prometheus did not become ready within 30 s: " + server.Log);
    }

    private static string Config(IEnumerable<ScrapeTarget> targets, IEnumerable<string> ruleFiles, TimeSpan interval)
    {
        var seconds = $"{Math.Max(1, (int)interval.TotalSeconds)}s";
        var config = new JsonObject
        {
            ["global"] = new JsonObject { ["scrape_interval"] = seconds, ["evaluation_interval"] = seconds, ["scrape_timeout"] = seconds },
            ["rule_files"] = new JsonArray([.. ruleFiles.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["scrape_configs"] = new JsonArray([.. targets.Select(t => (JsonNode)new JsonObject
            {
                ["job_name"] = t.Job,
                ["metrics_path"] = t.MetricsPath,
                ["static_configs"] = new JsonArray(new JsonObject
                {
                    ["targets"] = new JsonArray(JsonValue.Create(t.Address)),
                    ["labels"] = new JsonObject([.. (t.Labels ?? new Dictionary<string, string>()).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
                }),
            })]),
        };
        return config.ToJsonString();
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null) return;
        lock (log)
            if (log.Length < 64 * 1024) log.AppendLine(line);
    }
}
