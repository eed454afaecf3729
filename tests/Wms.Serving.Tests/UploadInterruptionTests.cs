using System.Net.Sockets;
using System.Text;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>
/// Uploads that stop or crawl, on a real Kestrel socket: the client's doing, so counted as
/// cancelled (client left) or 408 (too slow), never as a malformed request or a server timeout.
/// </summary>
public sealed class UploadInterruptionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_leaves_mid_upload_is_cancelled_and_a_crawling_upload_is_408()
    {
        using var files = new ModelFiles();
        using var server = new ServerProcess(new Dictionary<string, string>
        {
            ["MODEL_PATH"] = files.Write(TinyOnnx.ColourRule(1, 0, 0)),
            ["Serving__RequestTimeout"] = "00:00:01.500",
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)) is not null, server.Output);
        var photo = TestPhotos.Jpeg(1600, 1200);

        // Raw and multipart bodies, each cut off after 5,000 bytes of a longer Content-Length.
        await SendAndCloseAsync(server.Port, Head("image/jpeg", photo.Length), photo[..5000]);
        const string boundary = "wmsboundary";
        var part = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"m.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        await SendAndCloseAsync(server.Port, Head($"multipart/form-data; boundary={boundary}", part.Length + photo.Length + 20), [.. part, .. photo[..5000]]);

        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(server.Client), "wms_predict_errors_total{reason=\"cancelled\"}") == 2,
            TimeSpan.FromSeconds(10), "both abandoned uploads to count as cancelled");

        // 200 bytes every 250 ms: well above Kestrel's minimum data rate, far too slow for the 1.5 s budget.
        var status = await CrawlAsync(server.Port, Head("image/jpeg", photo.Length), photo);
        Assert.StartsWith("HTTP/1.1 408", status);

        var metrics = await Http.MetricsAsync(server.Client);
        Assert.Equal(1, Http.Sample(metrics, "wms_predict_errors_total{reason=\"upload_timeout\"}"));
        Assert.Equal(0, Http.Sample(metrics, "wms_predict_errors_total{reason=\"malformed_request\"}"));
        Assert.Equal(0, Http.Sample(metrics, "wms_predict_errors_total{reason=\"timeout\"}"));
        using var after = await server.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg(64, 48)), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
    }

    private static byte[] Head(string contentType, int length) =>
        Encoding.ASCII.GetBytes($"POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\n\r\n");

    private static async Task SendAndCloseAsync(int port, byte[] head, byte[] body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", port, Cancel);
        var stream = socket.GetStream();
        await stream.WriteAsync(head, Cancel);
        await stream.WriteAsync(body, Cancel);
        await stream.FlushAsync(Cancel);
        await Task.Delay(200, Cancel);
    }

    /// <summary>Trickles the body until the server answers; returns the status line.</summary>
    private static async Task<string> CrawlAsync(int port, byte[] head, byte[] body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", port, Cancel);
        var stream = socket.GetStream();
        await stream.WriteAsync(head, Cancel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var sending = Task.Run(async () =>
        {
            try
            {
                for (var offset = 0; offset < body.Length && !stop.IsCancellationRequested; offset += 200)
                {
                    await stream.WriteAsync(body.AsMemory(offset, Math.Min(200, body.Length - offset)), stop.Token);
                    await Task.Delay(250, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and closed: the trickle ends here.
            }
        }, Cancel);
        var response = new byte[4096];
        var read = await stream.ReadAsync(response, Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        await stop.CancelAsync();
        await sending;
        return Encoding.ASCII.GetString(response, 0, read).Split("\r\n")[0];
    }
}
