using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Wms.Core.Tracking.Mlflow;

/// <summary>
/// HTTP to one MLflow server: URLs, auth, JSON, and retries with exponential backoff and jitter on
/// 429, 5xx, timeouts and network errors. A request that creates something is only re-sent when it
/// certainly did not reach the server, or after <c>alreadyDone</c> confirmed it took no effect.
/// </summary>
internal sealed partial class MlflowHttp(HttpClient client, MlflowSettings settings, TimeProvider time, ILogger? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string Server => settings.DisplayUrl;

    public void Dispose() => client.Dispose();

    public Task<MlflowReply> GetAsync(string path, CancellationToken cancellationToken, params (string Key, string? Value)[] query) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, ApiUri("mlflow/" + path, query)), $"GET {path}",
            CallSafety.Idempotent, null, cancellationToken);

    public Task<MlflowReply> GetArtifactListAsync(string proxyPath, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, ApiUri("mlflow-artifacts/artifacts", [("path", proxyPath)])),
            $"GET mlflow-artifacts list {proxyPath}", CallSafety.Idempotent, null, cancellationToken);

    /// <summary>POST, PATCH or DELETE with a JSON body (MLflow reads DELETE parameters from the body, not the query).</summary>
    public Task<MlflowReply> SendJsonAsync<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> typeInfo, CallSafety safety,
        CancellationToken cancellationToken, Func<CancellationToken, Task<bool>>? alreadyDone = null) =>
        SendAsync(() => new HttpRequestMessage(method, ApiUri("mlflow/" + path, []))
        {
            Content = JsonContent.Create(body, typeInfo, new MediaTypeHeaderValue("application/json")),
        }, $"{method} {path}", safety, alreadyDone, cancellationToken);

    public Task<MlflowReply> PostAsync<T>(string path, T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken,
        CallSafety safety = CallSafety.Idempotent, Func<CancellationToken, Task<bool>>? alreadyDone = null) =>
        SendJsonAsync(HttpMethod.Post, path, body, typeInfo, safety, cancellationToken, alreadyDone);

    /// <summary>Uploads one file through the artifact proxy (a PUT of the same bytes is idempotent).</summary>
    public async Task PutArtifactAsync(string proxyPath, string localFile, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, ArtifactUri(proxyPath))
        {
            Content = new StreamContent(File.OpenRead(localFile)) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        }, $"PUT artifact {proxyPath}", CallSafety.Idempotent, null, cancellationToken);
        reply.EnsureSuccess();
    }

    /// <summary>Downloads one file through the artifact proxy to a temporary name, then moves it in place.</summary>
    public async Task DownloadArtifactAsync(string proxyPath, string localFile, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, ArtifactUri(proxyPath)), $"GET artifact {proxyPath}",
            CallSafety.Idempotent, null, cancellationToken, async (response, token) =>
            {
                if (!response.IsSuccessStatusCode) return null;
                await using var stream = await response.Content.ReadAsStreamAsync(token);
                await LocalFiles.WriteAtomicAsync(stream, localFile, token);
                return new MlflowReply(Server, "", (int)response.StatusCode, "");
            });
        // MLflow 2.17 answers a missing file with 500 INTERNAL_ERROR "No such file or directory", not 404.
        if (!reply.IsSuccess && (reply.IsNotFound || (reply.Status == 500 && IsMissingArtifact(reply.Body))))
            throw WmsException.NotFound($"artifact '{proxyPath}' not found (MLflow at {Server})");
        reply.EnsureSuccess();
    }

    private Uri ApiUri(string path, (string Key, string? Value)[] query)
    {
        var url = new StringBuilder(settings.BaseUri.AbsoluteUri.TrimEnd('/')).Append("/api/2.0/").Append(path);
        var separator = '?';
        foreach (var (key, value) in query)
        {
            if (value is null) continue;
            url.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return new Uri(url.ToString());
    }

    private Uri ArtifactUri(string proxyPath) => new(settings.BaseUri.AbsoluteUri.TrimEnd('/') + "/api/2.0/mlflow-artifacts/artifacts/"
        + string.Join('/', proxyPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString)));

    private void Authorize(HttpRequestMessage request)
    {
        // MLflow's own client prefers basic auth when both are configured.
        if (settings.Username is not null && settings.Password is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}")));
        else if (settings.Token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        request.Headers.UserAgent.ParseAdd("wms/1.0");
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
