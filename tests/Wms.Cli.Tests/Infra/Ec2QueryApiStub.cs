using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wms.Core;
using Wms.Core.Infra;
using Wms.Core.Tests.Infra;

namespace Wms.Cli.Tests.Infra;

/// <summary>
/// EC2's Query API (form-encoded POST, XML answers in the 2016-11-15 schema, errors as
/// &lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;) on 127.0.0.1, over an <see cref="InMemoryInstanceStore"/>: just the five
/// actions `wms infra` uses, so the real AWS SDK client runs end to end without AWS.
/// </summary>
public sealed class Ec2QueryApiStub : IAsyncDisposable
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private readonly WebApplication _app;
    private readonly InMemoryInstanceStore _store;

    public Ec2QueryApiStub(InMemoryInstanceStore store)
    {
        _store = store;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/", HandleAsync).DisableAntiforgery();
    }

    /// <summary>Every request's form fields, in order.</summary>
    public List<Dictionary<string, string>> Requests { get; } = [];

    /// <summary>Extra instances the tag filter also matches (to test ambiguity).</summary>
    public List<string> OtherTaggedInstances { get; } = [];

    /// <summary>When set, every request fails with this EC2 error code and HTTP status.</summary>
    public (string Code, int Status)? FailWith { get; set; }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public IEnumerable<string> Actions => Requests.Select(r => r["Action"]);

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        lock (Requests) Requests.Add(form);
        if (FailWith is { } failure) return Error(failure.Code, "simulated", failure.Status);
        try
        {
            return form["Action"] switch
            {
                "DescribeInstances" => await DescribeAsync(form),
                "CreateTags" => await Ack("CreateTagsResponse", () => _store.SetTagAsync(form["Tag.1.Key"], form["Tag.1.Value"], default)),
                "DeleteTags" => await Ack("DeleteTagsResponse", () => _store.DeleteTagAsync(form["Tag.1.Key"], default)),
                "StartInstances" => await Transition("StartInstancesResponse", _store.StartAsync),
                "StopInstances" => await Transition("StopInstancesResponse", _store.StopAsync),
                var other => Error("InvalidAction", $"The action {other} is not valid for this web service.", 400),
            };
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.Conflict)
        {
            return Error("IncorrectInstanceState", $"The instance '{_store.InstanceId}' is not in a state from which the request can be made.", 400);
        }
    }

    private async Task<IResult> DescribeAsync(Dictionary<string, string> form)
    {
        var snapshot = await _store.DescribeAsync(default);
        var ids = new List<string>();
        if (form.TryGetValue("InstanceId.1", out var id))
        {
            if (id != snapshot.InstanceId) return Error("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist", 400);
            ids.Add(id);
        }
        else if (form.TryGetValue("Filter.1.Name", out var filter) && filter.StartsWith("tag:", StringComparison.Ordinal))
        {
            if (snapshot.Tags.TryGetValue(filter[4..], out var value) && value == form["Filter.1.Value.1"]) ids.Add(snapshot.InstanceId);
            ids.AddRange(OtherTaggedInstances);
        }
        var instances = ids.Select(i => i == snapshot.InstanceId ? Instance(snapshot) : Instance(snapshot with { InstanceId = i, Tags = new Dictionary<string, string>() }));
        return Xml(new XElement(Ns + "DescribeInstancesResponse", RequestId(),
            new XElement(Ns + "reservationSet", instances.Select(i => new XElement(Ns + "item",
                new XElement(Ns + "reservationId", "r-0abc"), new XElement(Ns + "ownerId", "123456789012"),
                new XElement(Ns + "instancesSet", i))))));
    }

    private static XElement Instance(InstanceSnapshot s) => new(Ns + "item",
        new XElement(Ns + "instanceId", s.InstanceId),
        new XElement(Ns + "instanceType", "t3.large"),
        State("instanceState", s.State),
        new XElement(Ns + "tagSet", s.Tags.Select(t => new XElement(Ns + "item", new XElement(Ns + "key", t.Key), new XElement(Ns + "value", t.Value)))));

    private static XElement State(string name, InstanceState state) => new(Ns + name,
        new XElement(Ns + "code", state switch { InstanceState.Pending => 0, InstanceState.Running => 16, InstanceState.ShuttingDown => 32, InstanceState.Terminated => 48, InstanceState.Stopping => 64, _ => 80 }),
        new XElement(Ns + "name", state.ToEc2Name()));

    private async Task<IResult> Transition(string response, Func<CancellationToken, Task> action)
    {
        var before = _store.State;
        await action(default);
        return Xml(new XElement(Ns + response, RequestId(), new XElement(Ns + "instancesSet", new XElement(Ns + "item",
            new XElement(Ns + "instanceId", _store.InstanceId), State("currentState", _store.State), State("previousState", before)))));
    }

    private static async Task<IResult> Ack(string response, Func<Task> action)
    {
        await action();
        return Xml(new XElement(Ns + response, RequestId(), new XElement(Ns + "return", "true")));
    }

    private static XElement RequestId() => new(Ns + "requestId", Guid.NewGuid().ToString());

    private static IResult Xml(XElement body) => Results.Text(new XDocument(new XDeclaration("1.0", "UTF-8", null), body).ToString(), "text/xml;charset=UTF-8");

    private static IResult Error(string code, string message, int status) => Results.Text(
        new XElement("Response", new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", Guid.NewGuid().ToString())).ToString(), "text/xml;charset=UTF-8", statusCode: status);
}
