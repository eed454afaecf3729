using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>Request builders and waits the tests share.</summary>
internal static class Http
{
    public static MultipartFormDataContent Form(string field, byte[] bytes, string fileName = "meter.jpg", string contentType = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return form;
    }

    public static ByteArrayContent Raw(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>Polls /ready until 200; fails the test with the last answer after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient client, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/ready", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK) return;
            last = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"not ready within {timeout ?? TimeSpan.FromSeconds(30)}: {last}");
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"timed out after {timeout} waiting for {what}");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> MetricsAsync(HttpClient client) =>
        await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

    /// <summary>The value of one sample line of the Prometheus text, e.g. <c>wms_predict_errors_total{reason="too_large"}</c>.</summary>
    public static double Sample(string metrics, string series)
    {
        foreach (var line in metrics.Split('\n'))
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
                return double.Parse(line[(series.Length + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        throw new Xunit.Sdk.XunitException($"series {series} not in /metrics:\n{metrics}");
    }
}
