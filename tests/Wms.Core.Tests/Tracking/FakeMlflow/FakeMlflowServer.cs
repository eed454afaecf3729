using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wms.Core.Tests.Tracking.FakeMlflow;

/// <summary>
/// An MLflow 2.17 stand-in on Kestrel (127.0.0.1, a free port) that answers the endpoints wms uses
/// as the recorded server did (../shared/mlflow/api-examples.md): status codes, error bodies and
/// quirks (JSON content type required on POST, missing alias = 400, missing artifact = 500, NaN as
/// "NaN", search results without aliases, log-batch limits, DELETE with a JSON body), with state in
/// memory and injectable faults. Every request is handled under one lock, like one database
/// transaction per request.
/// </summary>
public sealed partial class FakeMlflowServer : IAsyncDisposable
{
    private const string Api = "/api/2.0/mlflow/";
    private const string ArtifactApi = "/api/2.0/mlflow-artifacts/artifacts";
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<FakeFault> _faults = [];

    private FakeMlflowServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;
    public FakeMlflowState State { get; } = new();
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, every API call needs these basic-auth credentials (MLflow's basic-auth app).</summary>
    public (string User, string Password)? BasicAuth { get; set; }

    /// <summary>When set, every API call needs this bearer token (an auth proxy in front of MLflow).</summary>
    public string? BearerToken { get; set; }

    public static async Task<FakeMlflowServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeMlflowServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public void AddFault(FakeFault fault)
    {
        lock (_gate) _faults.Add(fault);
    }

    public T Read<T>(Func<FakeMlflowState, T> read)
    {
        lock (_gate) return read(State);
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathContains) =>
        Requests.Where(r => r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();

        var reply = Handle(request, path, body);
        Requests.Enqueue(new RecordedRequest(DateTimeOffset.UtcNow, request.Method, path + request.QueryString, request.ContentType,
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            Encoding.UTF8.GetString(body), reply.Status));

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        foreach (var (key, value) in reply.Headers ?? []) context.Response.Headers[key] = value;
        await context.Response.Body.WriteAsync(reply.Bytes ?? Encoding.UTF8.GetBytes(reply.Text));
    }

    private FakeReply Handle(HttpRequest request, string path, byte[] body)
    {
        if (path == "/health") return FakeReply.Plain(200, "OK");
        if (!Authorized(request))
            return FakeReply.Plain(401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.",
                new() { ["WWW-Authenticate"] = "Basic realm=\"mlflow\"" });

        FakeFault? fault;
        lock (_gate)
        {
            fault = _faults.FirstOrDefault(f => f.Remaining > 0 && path.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is not null)
            {
                fault.Remaining--;
                fault.Hits++;
            }
        }
        if (fault is { AfterProcessing: false }) return FaultReply(fault);
        FakeReply reply;
        lock (_gate)
        {
            try
            {
                reply = Dispatch(request, path, body);
            }
            catch (FakeMlflowError e)
            {
                reply = FakeReply.Error(e.Status, e.Code, e.Message);
            }
        }
        return fault is null ? reply : FaultReply(fault);
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (BasicAuth is { } basic)
            return header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.User}:{basic.Password}"));
        if (BearerToken is { } token)
            return header == "Bearer " + token;
        return true;
    }

    private static FakeReply FaultReply(FakeFault fault)
    {
        var headers = fault.RetryAfter is { } wait
            ? new Dictionary<string, string> { ["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : null;
        return fault.Status == 429
            ? FakeReply.Error(429, "REQUEST_LIMIT_EXCEEDED", "Too many requests", headers)
            : FakeReply.Plain(fault.Status, $"<html><body><h1>{fault.Status} upstream unavailable</h1></body></html>", headers);
    }

    private FakeReply Dispatch(HttpRequest request, string path, byte[] body)
    {
        if (path.StartsWith(ArtifactApi, StringComparison.Ordinal))
            return HandleArtifactProxy(request.Method, path[ArtifactApi.Length..].TrimStart('/'), request.Query["path"].ToString(), body);
        if (!path.StartsWith(Api, StringComparison.Ordinal))
            return FakeReply.Html(404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>");
        var endpoint = path[Api.Length..];
        if (request.Method is "POST" or "PUT" && request.ContentType?.Split(';')[0].Trim() != "application/json")
            throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", "Bad Request. Content-Type must be one of ['application/json'].");
        var args = request.Method == "GET" ? QueryArgs(request) : BodyArgs(body);
        return HandleTracking(request.Method, endpoint, args) ?? HandleRegistry(request.Method, endpoint, args)
            ?? (endpoint == "runs/search" && request.Method == "GET"
                ? FakeReply.Html(405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>")
                : FakeReply.Html(404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>"));
    }

    private static JsonObject QueryArgs(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query) args[key] = value.ToString();
        return args;
    }

    private static JsonObject BodyArgs(byte[] body)
    {
        if (body.Length == 0) return [];
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new FakeMlflowError(400, "MALFORMED_REQUEST", "Request body is not a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FakeMlflowError(400, "MALFORMED_REQUEST", $"Malformed request body: {e.Message}");
        }
    }
}
