using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wms.Core.Imaging;
using Wms.Serving.Tests.Fixtures;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>The original's client contract (REFERENCE.md §4): fields image and file, the JSON shape, the mask PNG.</summary>
public sealed class PredictContractTests(ServedModel served) : IClassFixture<ServedModel>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("image")]
    [InlineData("file")]
    public async Task Multipart_field_returns_the_original_json_shape(string field)
    {
        using var response = await served.Client.PostAsync("/predict", Http.Form(field, TestPhotos.Jpeg(320, 240)), Cancel);

        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await Http.JsonAsync(response);
        Assert.Equal("success", json.GetProperty("status").GetString());
        var metadata = json.GetProperty("metadata");
        Assert.Equal([320, 240], metadata.GetProperty("input_size").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([512, 512], metadata.GetProperty("output_size").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(JsonValueKind.Number, metadata.GetProperty("latency_seconds").ValueKind);
        Assert.InRange(metadata.GetProperty("latency_seconds").GetDouble(), 0.0001, 30);
        Assert.Equal("cpu", metadata.GetProperty("device").GetString());
        Assert.Equal(served.Version, metadata.GetProperty("model_version").GetString());
        AssertMaskOfTheRedRectangle(Convert.FromBase64String(json.GetProperty("mask_base64").GetString()!));
    }

    [Fact]
    public async Task Image_field_wins_over_the_legacy_file_field()
    {
        var form = Http.Form("file", TestPhotos.Gif(), "old.gif", "image/gif");
        form.Add(new ByteArrayContent(TestPhotos.Png()), "image", "new.png");

        using var response = await served.Client.PostAsync("/predict", form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("image/jpeg", true)]
    [InlineData("image/png", false)]
    [InlineData("application/octet-stream", true)]
    [InlineData(null, false)]
    public async Task Raw_body_is_accepted(string? contentType, bool jpeg)
    {
        var photo = jpeg ? TestPhotos.Jpeg(200, 100) : TestPhotos.Png(200, 100);

        using var response = await served.Client.PostAsync("/predict", Http.Raw(photo, contentType), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Http.JsonAsync(response);
        Assert.Equal([200, 100], json.GetProperty("metadata").GetProperty("input_size").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Accept_image_png_returns_the_mask_itself_with_metadata_headers()
    {
        var photo = TestPhotos.Jpeg();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = Http.Form("image", photo) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));

        using var response = await served.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(served.Version, response.Headers.GetValues("X-Model-Version").Single());
        Assert.Equal("320,240", response.Headers.GetValues("X-Input-Size").Single());
        var png = await response.Content.ReadAsByteArrayAsync(Cancel);
        AssertMaskOfTheRedRectangle(png);

        using var asJson = await served.Client.PostAsync("/predict", Http.Form("image", photo), Cancel);
        var base64 = (await Http.JsonAsync(asJson)).GetProperty("mask_base64").GetString();
        Assert.Equal(base64, Convert.ToBase64String(png));
    }

    [Fact]
    public async Task Json_is_the_default_for_browsers_accept_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = Http.Form("image", TestPhotos.Jpeg()) };
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,image/png;q=0.8,*/*;q=0.9");

        using var response = await served.Client.SendAsync(request, Cancel);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Coverage_and_bounding_box_describe_the_counter()
    {
        using var response = await served.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Png(300, 300)), Cancel);

        var metadata = (await Http.JsonAsync(response)).GetProperty("metadata");
        // The red square is the middle ninth of the photo.
        Assert.InRange(metadata.GetProperty("coverage_percent").GetDouble(), 9.5, 12.5);
        var box = metadata.GetProperty("counter_bbox");
        Assert.InRange(box.GetProperty("x").GetInt32(), 160, 180);
        Assert.InRange(box.GetProperty("width").GetInt32(), 160, 185);
    }

    /// <summary>PNG, 8-bit greyscale, 512x512, only 0 and 255, the red middle third white.</summary>
    internal static void AssertMaskOfTheRedRectangle(byte[] png)
    {
        Assert.Equal("png", ImageFormat.Sniff(png));
        Assert.Equal(8, png[24]);  // IHDR bit depth
        Assert.Equal(0, png[25]);  // IHDR colour type: greyscale
        var mask = ImageDecoder.DecodeGray(png, "mask");
        Assert.Equal((512, 512), (mask.Width, mask.Height));
        Assert.All(mask.Pixels, p => Assert.True(p is 0 or 255, $"mask value {p}"));
        Assert.Equal(255, mask.Pixels[256 * 512 + 256]);
        Assert.Equal(0, mask.Pixels[20 * 512 + 20]);
        Assert.Equal(0, mask.Pixels[500 * 512 + 500]);
    }
}
