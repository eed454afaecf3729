using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wms.Core.Infra;
using Wms.Core.Tests.Infra;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Infra;

public sealed class InfraCommandTests : IDisposable
{
    private readonly TempDirectory _workspace = new();
    private readonly AutoClock _clock = new();
    private readonly InMemoryInstanceStore _store;

    public InfraCommandTests() => _store = new InMemoryInstanceStore(_clock);

    public void Dispose() => _workspace.Dispose();

    private Task<CliResult> Wms(IDictionary<string, string?>? settings, params string[] args) =>
        CliRunner.RunAsync(_workspace.Path, args, settings, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<IInstanceStoreFactory>(_store);
        }, TestContext.Current.CancellationToken);

    private Task<CliResult> Wms(params string[] args) => Wms(null, args);

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Stdout).RootElement;

    [Fact]
    public async Task Start_takes_the_lease_and_reports_the_running_instance_as_json()
    {
        var result = await Wms("infra", "start", "--lease", "12345", "--ttl", "6h", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var json = Json(result);
        Assert.Equal("running", json.GetProperty("state").GetString());
        Assert.Equal("12345", json.GetProperty("lease").GetString());
        Assert.True(json.GetProperty("start_issued").GetBoolean());
        Assert.Equal(LeaseTags.FormatExpiry(json.GetProperty("lease_expires_at").GetDateTimeOffset()), _store.Tags["wms-lease:12345"]);
        Assert.Contains("starting", result.Stderr);
    }

    [Fact]
    public async Task Stop_keeps_the_instance_for_another_live_lease_and_says_so()
    {
        await Wms("infra", "start", "--lease", "run-a");
        await Wms("infra", "start", "--lease", "run-b");

        var result = await Wms("infra", "stop", "--lease", "run-a", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var json = Json(result);
        Assert.Equal("kept_for_leases", json.GetProperty("outcome").GetString());
        Assert.False(json.GetProperty("stopped").GetBoolean());
        Assert.Equal("run-b", json.GetProperty("live_leases")[0].GetProperty("id").GetString());
        Assert.Equal(InstanceState.Running, _store.State);

        var last = await Wms("infra", "stop", "--lease", "run-b");
        Assert.Equal(ExitCodes.Success, last.ExitCode);
        Assert.Contains("stopped: no live lease remains", last.Stderr);
        Assert.Equal(InstanceState.Stopped, _store.State);
    }

    [Fact]
    public async Task Status_shows_live_and_expired_leases()
    {
        await Wms("infra", "start", "--lease", "short", "--ttl", "30m");
        await Wms("infra", "start", "--lease", "long", "--ttl", "5h");
        _clock.Advance(TimeSpan.FromHours(1));

        var table = await Wms("infra", "status");
        var json = Json(await Wms("infra", "status", "--format", "json"));

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains($"{_store.InstanceId} is running", table.Stdout);
        Assert.Matches(@"long\s.*\slive", table.Stdout);
        Assert.Matches(@"short\s.*\sexpired", table.Stdout);
        Assert.Equal(2, json.GetProperty("leases").GetArrayLength());
    }

    [Fact]
    public async Task Configuration_supplies_defaults_and_command_line_options_win()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Infra:InstanceTag"] = "Name=from-config",
            ["Infra:Region"] = "eu-west-1",
            ["Infra:LeaseTtl"] = "01:00:00",
        };

        var result = await Wms(settings, "infra", "start", "--lease", "run-1", "--tag", "Name=from-cli", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("Name=from-cli", _store.OpenedWith!.InstanceTag);
        Assert.Equal("eu-west-1", _store.OpenedWith.Region);
        var expires = Json(result).GetProperty("lease_expires_at").GetDateTimeOffset();
        Assert.InRange(expires - _clock.GetUtcNow(), TimeSpan.FromMinutes(58), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Start_without_a_lease_is_invalid_usage()
    {
        var result = await Wms("infra", "start");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("--lease", result.Stderr);
        Assert.Empty(_store.Tags);
    }

    [Theory]
    [InlineData("--ttl", "soon")]
    [InlineData("--ttl", "0s")]
    [InlineData("--timeout", "-5m")]
    public async Task A_malformed_duration_is_invalid_usage_naming_the_option(string option, string value)
    {
        var result = await Wms("infra", "start", "--lease", "run-1", option, value);
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains(option, result.Stderr);
        Assert.Empty(_store.Tags);
    }

    [Fact]
    public async Task A_stuck_instance_exits_with_dependency_unavailable_after_the_timeout()
    {
        _store.Stuck = true;
        var result = await Wms("infra", "start", "--lease", "run-1", "--timeout", "2m");
        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains("still pending after 00:02:00", result.Stderr);
    }

    [Fact]
    public async Task An_invalid_lease_id_is_invalid_usage()
    {
        var result = await Wms("infra", "start", "--lease", "not valid");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("not a valid lease id", result.Stderr);
    }
}
