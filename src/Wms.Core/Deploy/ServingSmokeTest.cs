using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wms.Core.Imaging;

namespace Wms.Core.Deploy;

/// <summary>
/// Checks a deployed model API the way its clients use it: /ready turns 200 within the timeout,
/// /health answers, POST /predict (multipart field <c>image</c>) returns the original's JSON with a
/// 512x512 PNG mask, and /metrics exposes the prediction counter.
/// </summary>
public sealed class ServingSmokeTest(HttpClient http, TimeProvider time, IProgress<string>? progress = null)
{
    /// <summary>The API key header of the predict endpoints.</summary>
    public const string ApiKeyHeader = "X-API-Key";

    public async Task<SmokeResult> RunAsync(Uri baseUrl, byte[] photo, string photoName, string? apiKey, TimeSpan timeout, TimeSpan pollInterval,
        CancellationToken cancellationToken)
    {
        var checks = new List<SmokeCheck> { await WaitForReadyAsync(new Uri(baseUrl, "ready"), timeout, pollInterval, cancellationToken) };
        if (checks[0].Passed)
        {
            checks.Add(await GetAsync("health", new Uri(baseUrl, "health"), _ => null, cancellationToken));
            checks.Add(await PredictAsync(new Uri(baseUrl, "predict"), photo, photoName, apiKey, cancellationToken));
            checks.Add(await GetAsync("metrics", new Uri(baseUrl, "metrics"),
                body => body.Contains("wms_predictions_total", StringComparison.Ordinal) ? null : "no wms_predictions_total in /metrics", cancellationToken));
        }
        return new SmokeResult(baseUrl.ToString(), checks);
    }

    private async Task<SmokeCheck> WaitForReadyAsync(Uri url, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var last = "no answer";
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return new SmokeCheck("ready", true, $"200 after {time.GetElapsedTime(started).TotalSeconds:0.0} s");
                last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }
            if (time.GetElapsedTime(started) >= timeout)
                return new SmokeCheck("ready", false, $"{url} not ready after {timeout}: last answer {last}");
            progress?.Report($"{url}: {last}, waiting");
            await Task.Delay(pollInterval, time, cancellationToken);
        }
    }

    private async Task<SmokeCheck> GetAsync(string name, Uri url, Func<string, string?> problemIn, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) return new SmokeCheck(name, false, $"{url}: {(int)response.StatusCode}");
            var problem = problemIn(body);
            return new SmokeCheck(name, problem is null, problem ?? $"{(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return new SmokeCheck(name, false, $"{url}: {e.Message}");
        }
    }

    private async Task<SmokeCheck> PredictAsync(Uri url, byte[] photo, string photoName, string? apiKey, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue(photoName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
        content.Add(file, "image", photoName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(apiKey)) request.Headers.Add(ApiKeyHeader, apiKey);
        try
        {
            var started = time.GetTimestamp();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
                return new SmokeCheck("predict", false, $"{url}: {(int)response.StatusCode} {Truncate(body)}");
            var problem = PredictionProblem(body);
            return new SmokeCheck("predict", problem is null, problem ?? $"200, 512x512 mask in {time.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            return new SmokeCheck("predict", false, $"{url}: {e.Message}");
        }
    }

    /// <summary>What is wrong with a /predict answer, or null when it keeps the original's contract.</summary>
    public static string? PredictionProblem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.GetString() != "success")
                return "status is not \"success\"";
            if (!root.TryGetProperty("mask_base64", out var mask) || mask.GetString() is not { } base64)
                return "no mask_base64";
            var info = ImageDecoder.ReadInfo(Convert.FromBase64String(base64), "mask_base64");
            if (info.Format != "png" || info.Width != 512 || info.Height != 512)
                return $"mask is a {info.Width}x{info.Height} {info.Format}, not a 512x512 png";
            if (!root.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("latency_seconds", out _))
                return "no metadata.latency_seconds";
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or WmsException or InvalidOperationException)
        {
            return $"not the /predict JSON: {e.Message}";
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
