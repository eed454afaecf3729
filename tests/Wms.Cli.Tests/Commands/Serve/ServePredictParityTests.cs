using System.Net;
using System.Net.Http.Headers;
using Wms.Cli.Tests.Predict;
using Wms.Core.Imaging;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Commands.Serve;

/// <summary>
/// Issue 4's "done when": `wms predict` and `POST /predict` give the same mask for the same photo
/// (one engine, one preprocessing), here with a full random U-Net exported by the onnx exporter.
/// </summary>
public sealed class ServePredictParityTests(PredictModels models)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wms_predict_and_the_api_give_the_same_mask_for_the_same_photo()
    {
        using var temp = new TempDirectory();
        var photos = temp.Combine("in");
        Directory.CreateDirectory(photos);
        File.WriteAllBytes(Path.Combine(photos, "generated.jpg"), EncodedImages.Jpeg(640, 480, EncodedImages.Photo(3)));
        File.WriteAllBytes(Path.Combine(photos, "rotated.jpg"), EncodedImages.WithExifOrientation(EncodedImages.Jpeg(300, 200, EncodedImages.Photo(5)), 6));
        File.WriteAllBytes(Path.Combine(photos, "portrait.png"), EncodedImages.Png(200, 300, EncodedImages.Photo(7)));
        // The real phone photos too, when this checkout has them.
        var unlabeled = Path.Combine(TestEnvironment.WaterMetersDirectory, "unlabeled");
        if (Directory.Exists(unlabeled))
            foreach (var photo in Directory.GetFiles(unlabeled, "*.jpg").Order().Take(2))
                File.Copy(photo, Path.Combine(photos, "real_" + Path.GetFileName(photo)));

        var predict = await CliRunner.RunAsync(temp.Path, "predict", "in", "--model", models.First.Folder, "--out", "out", "--mask-size", "model", "--threads", "1");
        Assert.True(predict.ExitCode == ExitCodes.Success, predict.ToString());

        var port = LoopbackPorts.Free();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var serve = Task.Run(() => CliRunner.RunAsync(temp.Path, ["serve", "--port", $"{port}", "--model", models.First.Folder, "--threads", "1"],
            new Dictionary<string, string?> { ["Serving:Model:PollInterval"] = "00:00:00" }, cancellationToken: stop.Token), Cancel);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await ServeCommandTests.WaitUntilReadyAsync(client, serve);

        foreach (var photo in Directory.GetFiles(photos))
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(File.ReadAllBytes(photo));
            file.Headers.ContentType = new MediaTypeHeaderValue(photo.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
            form.Add(file, "image", Path.GetFileName(photo));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = form };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
            using var response = await client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            var api = ImageDecoder.DecodeGray(await response.Content.ReadAsByteArrayAsync(Cancel), "api mask");
            var cli = ImageDecoder.DecodeGray(temp.Combine("out", $"mask_{Path.GetFileNameWithoutExtension(photo)}.png"));
            Assert.Equal((512, 512), (api.Width, api.Height)); // the original's contract, whatever the model's size
            Assert.Equal((cli.Width, cli.Height), (api.Width, api.Height));
            Assert.True(cli.Pixels.AsSpan().SequenceEqual(api.Pixels), $"{Path.GetFileName(photo)}: the masks differ");
            Assert.Contains(api.Pixels, p => p == 255);
        }
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, (await serve).ExitCode);
    }
}
