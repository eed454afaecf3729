using System.Net;
using System.Net.Http.Headers;
using Wms.Serving.Tests.Fixtures;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>With Serving:ApiKey set, the predict endpoints need X-API-Key; probes, metrics and the page stay open.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string Key = "s3cret-key";
    private readonly ModelFiles _files = new();
    private WmsServingApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new WmsServingApplication(ServedModel.Settings(_files.Write(ServedModel.Model), ("Serving:ApiKey", Key)));
        _client = _app.CreateClient();
        await Http.WaitUntilReadyAsync(_client);
    }

    [Theory]
    [InlineData("/predict", null)]
    [InlineData("/predict", "wrong-key")]
    [InlineData("/predict", "s3cret-key ")]
    [InlineData("/predict/batch", null)]
    [InlineData("/predict/batch", "S3CRET-KEY")]
    public async Task Predict_without_the_right_key_is_401(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Form("image", TestPhotos.Jpeg()) };
        if (key is not null) request.Headers.Add("X-API-Key", key);

        using var response = await _client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await Http.JsonAsync(response)).GetProperty("reason").GetString());
        Assert.Contains("X-API-Key", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Predict_with_the_key_works_in_the_header_or_as_a_bearer_token()
    {
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = Http.Form("image", TestPhotos.Jpeg()) };
        withHeader.Headers.Add("X-API-Key", Key);
        using var bearer = new HttpRequestMessage(HttpMethod.Post, "/predict/batch") { Content = Http.Form("images", TestPhotos.Jpeg()) };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var first = await _client.SendAsync(withHeader, Cancel);
        using var second = await _client.SendAsync(bearer, Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/metrics")]
    [InlineData("/")]
    [InlineData("/assets/app.js")]
    public async Task Probes_metrics_and_the_page_need_no_key(string path)
    {
        using var response = await _client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refusals_are_counted()
    {
        using (await _client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel)) { }

        Assert.True(Http.Sample(await Http.MetricsAsync(_client), "wms_predict_errors_total{reason=\"unauthorized\"}") >= 1);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _files.Dispose();
    }
}
