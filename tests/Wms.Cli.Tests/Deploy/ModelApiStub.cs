using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Wms.Cli.Tests.Deploy;

/// <summary>
/// An HTTP server on 127.0.0.1 that answers as the original model API does (REFERENCE §4: /ready,
/// /health, /metrics, POST /predict with a multipart 'image' and a base64 512x512 PNG mask), with
/// switches to break each part. REVIEW: once src/Wms.Serving serves a model, smoke-test it instead.
/// </summary>
public sealed class ModelApiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _readyPolls;

    public int NotReadyPolls { get; init; }
    public int MaskSize { get; init; } = 512;
    public string? RequiredApiKey { get; init; }
    public List<string> ReceivedFields { get; } = [];
    public List<string?> ReceivedApiKeys { get; } = [];
    public int ReadyPolls => _readyPolls;

    public ModelApiStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/ready", () => Interlocked.Increment(ref _readyPolls) > NotReadyPolls ? Results.Ok() : Results.StatusCode(503));
        _app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
        _app.MapGet("/metrics", () => Results.Text("# TYPE wms_predictions_total counter\nwms_predictions_total 1\n"));
        _app.MapPost("/predict", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            lock (ReceivedFields) ReceivedFields.AddRange(form.Files.Select(f => f.Name));
            var key = request.Headers["X-API-Key"].FirstOrDefault();
            lock (ReceivedApiKeys) ReceivedApiKeys.Add(key);
            if (RequiredApiKey is not null && key != RequiredApiKey) return Results.Problem(statusCode: 401, title: "API key required");
            return Results.Json(new
            {
                status = "success",
                mask_base64 = Convert.ToBase64String(Mask(MaskSize)),
                metadata = new { input_size = new[] { 640, 480 }, output_size = new[] { MaskSize, MaskSize }, latency_seconds = 0.05, device = "cpu" },
            });
        }).DisableAntiforgery();
    }

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static byte[] Mask(int size)
    {
        using var bitmap = new SKBitmap(size, size, SKColorType.Gray8, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.Black);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
