using System.Net;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests;

public sealed class OutOfMemoryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_photo_too_big_for_the_memory_left_is_503_out_of_memory_not_a_model_error_and_serving_goes_on()
    {
        using var files = new ModelFiles();
        // A 64 MB managed heap, as in a small pod: a legal 25-megapixel photo does not fit in it.
        using var server = new ServerProcess(new Dictionary<string, string>
        {
            ["MODEL_PATH"] = files.Write(TinyOnnx.ColourRule(1, 0, 0)),
            ["DOTNET_GCHeapHardLimit"] = "0x4000000",
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)) is not null, server.Output);

        using var big = await server.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Png(5000, 5000), "big.png", "image/png"), Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, big.StatusCode);
        Assert.Equal("out_of_memory", (await Http.JsonAsync(big)).GetProperty("reason").GetString());

        using var small = await server.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg(64, 48)), Cancel);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        var metrics = await Http.MetricsAsync(server.Client);
        Assert.Equal(0, Http.Sample(metrics, "wms_predict_errors_total{reason=\"model_error\"}"));
    }
}
