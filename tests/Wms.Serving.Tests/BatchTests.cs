using System.Net;
using System.Text;
using Wms.Serving.Tests.Fixtures;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>POST /predict/batch: per-photo results and errors, in upload order.</summary>
public sealed class BatchTests(ServedModel served) : IClassFixture<ServedModel>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_photo_succeeds_or_fails_on_its_own()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestPhotos.Jpeg(320, 240)), "images", "first.jpg" },
            { new ByteArrayContent(TestPhotos.Gif()), "images", "second.gif" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("nope")), "images", "third.jpg" },
            { new ByteArrayContent(TestPhotos.Png(200, 100)), "images", "fourth.png" },
        };

        using var response = await served.Client.PostAsync("/predict/batch", form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Http.JsonAsync(response);
        Assert.Equal("partial", json.GetProperty("status").GetString());
        Assert.Equal((4, 2, 2), (json.GetProperty("count").GetInt32(), json.GetProperty("succeeded").GetInt32(), json.GetProperty("failed").GetInt32()));
        var results = json.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["first.jpg", "second.gif", "third.jpg", "fourth.png"], results.Select(r => r.GetProperty("filename").GetString()));
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));

        Assert.Equal("success", results[0].GetProperty("status").GetString());
        Assert.Equal([320, 240], results[0].GetProperty("metadata").GetProperty("input_size").EnumerateArray().Select(e => e.GetInt32()));
        PredictContractTests.AssertMaskOfTheRedRectangle(Convert.FromBase64String(results[0].GetProperty("mask_base64").GetString()!));
        Assert.Equal(415, results[1].GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("unsupported_media_type", results[1].GetProperty("error").GetProperty("reason").GetString());
        Assert.Equal("not_an_image", results[2].GetProperty("error").GetProperty("reason").GetString());
        Assert.Equal([200, 100], results[3].GetProperty("metadata").GetProperty("input_size").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task All_good_is_success_and_any_file_field_name_works()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestPhotos.Jpeg()), "file", "a.jpg" },
            { new ByteArrayContent(TestPhotos.Jpeg()), "whatever", "b.jpg" },
            { new StringContent("a note"), "comment" },
        };

        using var response = await served.Client.PostAsync("/predict/batch", form, Cancel);

        var json = await Http.JsonAsync(response);
        Assert.Equal("success", json.GetProperty("status").GetString());
        Assert.Equal(2, json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task No_files_is_422()
    {
        var form = new MultipartFormDataContent { { new StringContent("a note"), "comment" } };

        using var response = await served.Client.PostAsync("/predict/batch", form, Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("missing_file", (await Http.JsonAsync(response)).GetProperty("reason").GetString());
    }
}
