using System.Net;
using System.Text;
using Wms.Serving.Tests.Fixtures;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>
/// Bad input is a 4xx ProblemDetails with a reason (never a 500), counted in
/// wms_predict_errors_total{reason}, and the server goes on serving after each.
/// </summary>
public sealed class PredictErrorTests(ServedModel served) : IClassFixture<ServedModel>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, Func<HttpContent>, int, string> BadRequests => new()
    {
        { "text sent as a JPEG", () => Http.Form("image", Encoding.UTF8.GetBytes("definitely not a photo")), 400, "not_an_image" },
        { "truncated JPEG", () => Http.Form("image", TestPhotos.TruncatedJpeg()), 400, "not_an_image" },
        { "raw JPEG type, HTML content", () => Http.Raw(Encoding.UTF8.GetBytes("<html>hi</html>"), "image/jpeg"), 400, "not_an_image" },
        { "broken multipart body", () => Http.Raw(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc"), "multipart/form-data; boundary=x"), 400, "malformed_request" },
        { "GIF in the image field", () => Http.Form("image", TestPhotos.Gif(), "a.gif", "image/gif"), 415, "unsupported_media_type" },
        { "WebP in the image field", () => Http.Form("image", TestPhotos.WebP(), "a.webp", "image/webp"), 415, "unsupported_media_type" },
        { "raw image/gif body", () => Http.Raw(TestPhotos.Gif(), "image/gif"), 415, "unsupported_media_type" },
        { "raw text/plain body", () => Http.Raw(Encoding.UTF8.GetBytes("hello"), "text/plain"), 415, "unsupported_media_type" },
        { "JSON body", () => Http.Raw(Encoding.UTF8.GetBytes("{\"image\":\"abc\"}"), "application/json"), 415, "unsupported_media_type" },
        { "form without a file", () => FormWithField("name", "meter"), 422, "missing_file" },
        { "file in another field", () => Http.Form("photo", TestPhotos.Jpeg()), 422, "missing_file" },
        { "empty body", () => Http.Raw([], null), 422, "missing_file" },
        { "url-encoded form", () => new FormUrlEncodedContent([new("image", "abc")]), 422, "missing_file" },
        { "empty file part", () => Http.Form("image", []), 400, "not_an_image" },
        { "decompression bomb (PNG header says 30000x30000)", () => Http.Form("image", TestPhotos.PngBomb(30000, 30000), "bomb.png", "image/png"), 413, "too_many_pixels" },
        { "body over the default 20 MB", () => Http.Raw(new byte[21 * 1024 * 1024], "image/jpeg"), 413, "too_large" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_problem_with_its_status_and_reason_and_the_server_keeps_serving(string what, Func<HttpContent> content, int status, string reason)
    {
        var before = Http.Sample(await Http.MetricsAsync(served.Client), $"wms_predict_errors_total{{reason=\"{reason}\"}}");

        using var response = await served.Client.PostAsync("/predict", content(), Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == (int)response.StatusCode, $"{what}: HTTP {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Http.JsonAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));

        var after = Http.Sample(await Http.MetricsAsync(served.Client), $"wms_predict_errors_total{{reason=\"{reason}\"}}");
        Assert.Equal(before + 1, after);
        using var next = await served.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Problem_names_the_file()
    {
        using var response = await served.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Gif(), "holiday.gif", "image/gif"), Cancel);

        var detail = (await Http.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("holiday.gif", detail);
    }

    [Fact]
    public async Task Details_say_what_is_wrong_in_the_users_terms()
    {
        using var empty = await served.Client.PostAsync("/predict", Http.Form("image", [], "blank.jpg"), Cancel);
        using var unclosed = await served.Client.PostAsync("/predict",
            Http.Raw(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc"), "multipart/form-data; boundary=x"), Cancel);

        Assert.Equal("blank.jpg: empty file (0 bytes)", (await Http.JsonAsync(empty)).GetProperty("detail").GetString());
        Assert.Equal("cannot read the request body (the multipart body ends before its closing boundary)",
            (await Http.JsonAsync(unclosed)).GetProperty("detail").GetString());
    }

    private static MultipartFormDataContent FormWithField(string name, string value) => new() { { new StringContent(value), name } };
}
