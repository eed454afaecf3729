using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Infra;
using Wms.Core;
using Wms.Core.Infra;
using Wms.Core.Tests.Infra;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Infra;

/// <summary>The real AWS SDK client and the thin EC2 store, end to end against an EC2 Query API stub on 127.0.0.1.</summary>
public sealed class Ec2InstanceStoreTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _workspace = new();
    private readonly AutoClock _clock = new();
    private readonly InMemoryInstanceStore _instance;
    private readonly Ec2QueryApiStub _ec2;

    public Ec2InstanceStoreTests()
    {
        // Never let the SDK look for credentials or a region on the instance metadata service.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _instance = new InMemoryInstanceStore(_clock);
        _instance.SetTagAsync("Name", "wms-training", default).GetAwaiter().GetResult();
        _ec2 = new Ec2QueryApiStub(_instance);
    }

    public async ValueTask InitializeAsync() => await _ec2.StartAsync();

    public async ValueTask DisposeAsync() => await _ec2.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private Task<CliResult> Wms(params string[] args) => CliRunner.RunAsync(_workspace.Path, args,
        new Dictionary<string, string?> { ["Infra:ServiceUrl"] = _ec2.Url, ["Infra:Region"] = "eu-central-1" },
        services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<IInstanceStoreFactory>(new Ec2InstanceStoreFactory(new BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret")));
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Start_finds_the_instance_by_tag_writes_the_lease_tag_and_starts_it()
    {
        var result = await Wms("infra", "start", "--lease", "run-1", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("running", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("state").GetString());
        var lookup = _ec2.Requests[0];
        Assert.Equal(("DescribeInstances", "tag:Name", "wms-training"), (lookup["Action"], lookup["Filter.1.Name"], lookup["Filter.1.Value.1"]));
        var tagging = _ec2.Requests.Single(r => r["Action"] == "CreateTags");
        Assert.Equal((_instance.InstanceId, "wms-lease:run-1"), (tagging["ResourceId.1"], tagging["Tag.1.Key"]));
        Assert.True(_ec2.Requests.FindIndex(r => r["Action"] == "CreateTags") < _ec2.Requests.FindIndex(r => r["Action"] == "StartInstances"), "the lease goes up before the start");
        Assert.Equal(InstanceState.Running, _instance.State);
        Assert.True(_instance.Tags.ContainsKey("wms-lease:run-1"));
    }

    [Fact]
    public async Task Stop_keeps_the_instance_for_another_lease_then_the_last_one_stops_it()
    {
        await Wms("infra", "start", "--lease", "run-1");
        await Wms("infra", "start", "--lease", "run-2");

        var kept = await Wms("infra", "stop", "--lease", "run-1");
        Assert.Equal(ExitCodes.Success, kept.ExitCode);
        Assert.DoesNotContain("StopInstances", _ec2.Actions);
        Assert.Equal(InstanceState.Running, _instance.State);

        var stopped = await Wms("infra", "stop", "--lease", "run-2");
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
        Assert.Contains("StopInstances", _ec2.Actions);
        Assert.Equal(InstanceState.Stopped, _instance.State);
        Assert.Equal(["Name"], _instance.Tags.Keys);
    }

    [Fact]
    public async Task An_explicit_instance_id_skips_the_tag_lookup()
    {
        var result = await Wms("infra", "status", "--instance-id", _instance.InstanceId);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(_instance.InstanceId, _ec2.Requests.Single()["InstanceId.1"]);
    }

    [Fact]
    public async Task An_unknown_instance_id_is_not_found()
    {
        var result = await Wms("infra", "status", "--instance-id", "i-0000000000000dead");
        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("i-0000000000000dead", result.Stderr);
    }

    [Fact]
    public async Task No_instance_with_the_tag_is_not_found_and_two_are_ambiguous()
    {
        var none = await Wms("infra", "status", "--tag", "Name=nothing-here");
        Assert.Equal(ExitCodes.NotFound, none.ExitCode);
        Assert.Contains("no EC2 instance tagged Name=nothing-here", none.Stderr);

        _ec2.OtherTaggedInstances.Add("i-0fedcba9876543210");
        var two = await Wms("infra", "status");
        Assert.Equal(ExitCodes.InvalidUsage, two.ExitCode);
        Assert.Contains("pass --instance-id", two.Stderr);
    }

    [Fact]
    public async Task An_incorrect_instance_state_answer_becomes_a_conflict_the_lease_logic_retries()
    {
        _instance.State = InstanceState.Running;
        await _instance.StopAsync(TestContext.Current.CancellationToken);
        var store = new Ec2InstanceStore(new Amazon.EC2.AmazonEC2Client(new BasicAWSCredentials("AKIDEXAMPLE", "x"),
            new Amazon.EC2.AmazonEC2Config { ServiceURL = _ec2.Url, AuthenticationRegion = "eu-central-1" }), _instance.InstanceId);

        var error = await Assert.ThrowsAsync<WmsException>(() => store.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(WmsErrorKind.Conflict, error.Kind);
        Assert.Equal("StartInstances", _ec2.Actions.Last());
        Assert.Contains("is not in a state from which", error.Message);
    }

    [Fact]
    public async Task Refused_credentials_are_a_dependency_failure_with_one_line()
    {
        _ec2.FailWith = ("AuthFailure", 401);
        var result = await Wms("infra", "status");
        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains("EC2 refused the request (AuthFailure)", result.Stderr);
    }
}
