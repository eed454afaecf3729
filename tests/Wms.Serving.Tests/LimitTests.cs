using System.Net;
using Wms.Serving.Tests.Fixtures;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>Configured limits: body size (declared or chunked), pixels, batch size.</summary>
public sealed class LimitTests : IAsyncLifetime
{
    private readonly ModelFiles _files = new();
    private WmsServingApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new WmsServingApplication(ServedModel.Settings(_files.Write(ServedModel.Model),
            ("Serving:MaxRequestBytes", "60000"), ("Serving:MaxImagePixels", "100000"),
            ("Serving:MaxBatchFiles", "2"), ("Serving:MaxBatchRequestBytes", "200000")));
        _client = _app.CreateClient();
        await Http.WaitUntilReadyAsync(_client);
    }

    [Fact]
    public async Task Declared_body_over_the_limit_is_413()
    {
        using var response = await _client.PostAsync("/predict", Http.Form("image", new byte[70_000]), Cancel);

        await AssertProblemAsync(response, 413, "too_large");
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413_while_reading()
    {
        var content = new StreamContent(new MemoryStream(new byte[70_000]));
        content.Headers.ContentType = new("image/jpeg");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request, Cancel);

        await AssertProblemAsync(response, 413, "too_large");
    }

    [Fact]
    public async Task Photo_over_the_pixel_limit_is_413_before_decoding()
    {
        using var response = await _client.PostAsync("/predict", Http.Form("image", TestPhotos.Png(400, 300)), Cancel);

        var problem = await AssertProblemAsync(response, 413, "too_many_pixels");
        Assert.Contains("400x300", problem);
        using var small = await _client.PostAsync("/predict", Http.Form("image", TestPhotos.Png(300, 300)), Cancel);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task Batch_over_its_file_limit_is_413()
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < 3; i++) form.Add(new ByteArrayContent(TestPhotos.Jpeg(64, 48)), "images", $"m{i}.jpg");

        using var response = await _client.PostAsync("/predict/batch", form, Cancel);

        await AssertProblemAsync(response, 413, "too_many_files");
    }

    [Fact]
    public async Task Batch_body_limit_is_its_own()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[110_000]), "images", "a.jpg" },
            { new ByteArrayContent(new byte[110_000]), "images", "b.jpg" },
        };

        using var response = await _client.PostAsync("/predict/batch", form, Cancel);

        await AssertProblemAsync(response, 413, "too_large");
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, int status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == (int)response.StatusCode, $"HTTP {(int)response.StatusCode} {body}");
        Assert.Contains($"\"reason\":\"{reason}\"", body);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _files.Dispose();
    }
}
