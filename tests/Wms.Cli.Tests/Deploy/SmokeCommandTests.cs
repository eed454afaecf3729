using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wms.Core.Tests.Infra;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Deploy;

public sealed class SmokeCommandTests : IDisposable
{
    private readonly TempDirectory _workspace = new();
    private readonly AutoClock _clock = new();

    public void Dispose() => _workspace.Dispose();

    private Task<CliResult> Wms(IDictionary<string, string?>? settings, params string[] args) =>
        CliRunner.RunAsync(_workspace.Path, args, settings, services => services.AddSingleton<TimeProvider>(_clock), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_conforming_api_passes_after_it_becomes_ready_with_the_api_key_sent()
    {
        await using var api = new ModelApiStub { NotReadyPolls = 2, RequiredApiKey = "s3cret" };
        await api.StartAsync();

        var result = await Wms(new Dictionary<string, string?> { ["Serving:ApiKey"] = "s3cret" },
            "deploy", "smoke", "--url", api.Url.ToString(), "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(["ready", "health", "predict", "metrics"], json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(3, api.ReadyPolls);
        Assert.Equal(["image"], api.ReceivedFields);
        Assert.Equal(["s3cret"], api.ReceivedApiKeys);
    }

    [Fact]
    public async Task A_mask_of_the_wrong_size_fails_the_predict_check()
    {
        await using var api = new ModelApiStub { MaskSize = 256 };
        await api.StartAsync();

        var result = await Wms(null, "deploy", "smoke", "--url", api.Url.ToString());

        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains("predict: mask is a 256x256 png, not a 512x512 png", result.Stderr);
    }

    [Fact]
    public async Task A_missing_api_key_fails_with_the_status()
    {
        await using var api = new ModelApiStub { RequiredApiKey = "s3cret" };
        await api.StartAsync();

        var result = await Wms(null, "deploy", "smoke", "--url", api.Url.ToString());

        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains("401", result.Stderr);
    }

    [Fact]
    public async Task An_api_that_never_gets_ready_fails_after_the_timeout()
    {
        await using var api = new ModelApiStub { NotReadyPolls = int.MaxValue };
        await api.StartAsync();

        var result = await Wms(null, "deploy", "smoke", "--url", api.Url.ToString(), "--timeout", "1m");

        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains("not ready after 00:01:00: last answer 503", result.Stderr);
        Assert.InRange(api.ReadyPolls, 30, 32);
    }

    [Fact]
    public async Task Nothing_listening_is_a_failed_ready_check_not_a_crash()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Wms(null, "deploy", "smoke", "--url", $"http://127.0.0.1:{port}", "--timeout", "10s");

        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains("ready:", result.Stderr);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_invalid_usage()
    {
        var result = await Wms(null, "deploy", "smoke", "--url", "ftp://example/");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("--url", result.Stderr);
    }
}
