using System.Net;
using Microsoft.Extensions.Logging;

namespace Wms.Core.Tracking.Mlflow;

internal sealed partial class MlflowHttp
{
    /// <summary>
    /// Sends until a non-retryable answer arrives or the retries run out (then DependencyUnavailable
    /// naming the server). <paramref name="complete"/> consumes a streamed success (downloads); JSON
    /// calls leave it null and get the body as text.
    /// </summary>
    private async Task<MlflowReply> SendAsync(Func<HttpRequestMessage> makeRequest, string operation, CallSafety safety,
        Func<CancellationToken, Task<bool>>? alreadyDone, CancellationToken cancellationToken,
        Func<HttpResponseMessage, CancellationToken, Task<MlflowReply?>>? complete = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            string problem;
            var certainlyNotProcessed = false;
            TimeSpan? retryAfter = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(settings.Timeout);
                try
                {
                    using var request = makeRequest();
                    Authorize(request);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                    if (!IsRetryable(response.StatusCode))
                    {
                        if (complete is not null && await complete(response, timeout.Token) is { } done) return done;
                        return new MlflowReply(Server, operation, (int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
                    }
                    var body = await response.Content.ReadAsStringAsync(timeout.Token);
                    // A missing artifact is a 500 in MLflow 2.17; asking again will not make it appear.
                    if (response.StatusCode == HttpStatusCode.InternalServerError && operation.StartsWith("GET artifact", StringComparison.Ordinal) && IsMissingArtifact(body))
                        return new MlflowReply(Server, operation, 500, body);
                    problem = $"HTTP {(int)response.StatusCode} {MlflowReply.FirstLine(body)}";
                    certainlyNotProcessed = response.StatusCode == HttpStatusCode.TooManyRequests;
                    retryAfter = RetryAfter(response);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    problem = $"no answer within {settings.Timeout.TotalSeconds:0} s";
                }
                catch (HttpRequestException e)
                {
                    problem = e.InnerException?.Message ?? e.Message;
                    certainlyNotProcessed = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
                }
                catch (IOException e)
                {
                    problem = e.Message;
                }
            }

            if (attempt >= settings.MaxRetries)
                throw new WmsException($"MLflow at {Server} did not answer {operation} after {attempt + 1} attempt(s): {problem}",
                    WmsErrorKind.DependencyUnavailable);
            if (safety == CallSafety.UnsafeToRepeat && !certainlyNotProcessed)
            {
                if (alreadyDone is null)
                    throw new WmsException($"MLflow at {Server}: {operation} failed ({problem}) and may have taken effect; it is not repeated blindly",
                        WmsErrorKind.DependencyUnavailable);
                if (await alreadyDone(cancellationToken))
                {
                    MlflowLog.AlreadyDone(_logger, Server, operation);
                    return new MlflowReply(Server, operation, 200, "", alreadyDone: true);
                }
            }
            var delay = Delay(attempt, retryAfter);
            MlflowLog.Retrying(_logger, Server, operation, problem, attempt + 1, settings.MaxRetries, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// The artifact proxy's 500 for a file that is not there: "[Errno 2] No such file or directory"
    /// with a local artifact store, a 404/NoSuchKey from S3 behind it.
    /// </summary>
    internal static bool IsMissingArtifact(string body) =>
        new[] { "No such file or directory", "NoSuchKey", "(404)", "Not Found", "does not exist" }
            .Any(marker => body.Contains(marker, StringComparison.Ordinal));

    /// <summary>Retry-After when the server sent one, else factor x 2^attempt; plus jitter; never above a minute.</summary>
    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = retryAfter ?? TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, settings.BackoffFactor.Ticks * (1L << Math.Min(attempt, 20))));
        var jitter = TimeSpan.FromTicks((long)(settings.BackoffJitter.Ticks * Random.Shared.NextDouble()));
        var total = backoff + jitter;
        return total > MlflowSettings.MaxDelay ? MlflowSettings.MaxDelay : total;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
