using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>GET /: the upload page and its assets, all served by the app itself (no CDN).</summary>
public sealed partial class UploadPageTests(ServedModel served) : IClassFixture<ServedModel>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_has_the_drop_zone_download_buttons_and_only_local_assets()
    {
        using var response = await served.Client.GetAsync("/", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("id=\"drop\"", html);
        Assert.Contains("multiple", html);
        Assert.Contains("id=\"download-all\"", html);
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["/assets/app.css", "/assets/zip.js", "/assets/app.js"], assets);
        foreach (var asset in assets)
        {
            using var file = await served.Client.GetAsync(asset, Cancel);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.DoesNotMatch(ExternalUrl(), await file.Content.ReadAsStringAsync(Cancel));
        }
        Assert.DoesNotMatch(ExternalUrl(), html);
    }

    [Fact]
    public async Task Script_posts_to_predict_and_builds_the_zip_itself()
    {
        var script = await served.Client.GetStringAsync("/assets/app.js", Cancel);

        Assert.Contains("fetch('/predict'", script);
        Assert.Contains("form.append('image'", script);
        Assert.Contains("WmsZip.createZip", script);
        Assert.Contains("mask_${stem(file.name)}.png", script);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    public async Task Head_answers_like_get_without_a_body(string path, string mediaType)
    {
        using var get = await served.Client.GetAsync(path, Cancel);
        using var head = await served.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Cancel);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(mediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync(Cancel)).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Unknown_asset_is_404()
    {
        using var response = await served.Client.GetAsync("/assets/jszip.min.js", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Zip_writer_makes_a_zip_that_dotnet_reads_with_matching_crc()
    {
        var node = MetricsTests.FindOnPath("node");
        if (node is null) Assert.Skip("needs Node.js on PATH to run the page's zip writer");
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("zip.js"), await served.Client.GetStringAsync("/assets/zip.js", Cancel), Cancel);
        var mask = PngBytes();
        await File.WriteAllBytesAsync(temp.Combine("mask.png"), mask, Cancel);
        await File.WriteAllTextAsync(temp.Combine("make.js"), """
            const fs = require('fs');
            const { createZipBytes, crc32 } = require('./zip.js');
            const png = new Uint8Array(fs.readFileSync('mask.png'));
            const zip = createZipBytes([
              { name: 'mask_meter_1.png', data: png, date: new Date(2024, 4, 17, 10, 30, 20) },
              { name: 'mask_zähler.png', data: new TextEncoder().encode('second') },
              { name: 'empty.txt', data: new Uint8Array(0) },
            ]);
            fs.writeFileSync('masks.zip', zip);
            console.log(crc32(new TextEncoder().encode('123456789')).toString(16));
            """, Cancel);

        var (code, stdout, stderr) = TestEnvironment.Run(node, ["make.js"], TimeSpan.FromSeconds(60), temp.Path);

        Assert.True(code == 0, stderr);
        Assert.Equal("cbf43926", stdout.Trim());  // the CRC-32 check value
        using var zip = ZipFile.OpenRead(temp.Combine("masks.zip"));
        Assert.Equal(["mask_meter_1.png", "mask_zähler.png", "empty.txt"], zip.Entries.Select(e => e.FullName));
        var first = zip.Entries[0];
        Assert.Equal(new DateTime(2024, 5, 17, 10, 30, 20), first.LastWriteTime.DateTime);
        Assert.Equal(mask, ReadAll(first));
        Assert.Equal("second"u8.ToArray(), ReadAll(zip.Entries[1]));
        Assert.Empty(ReadAll(zip.Entries[2]));
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(mask), first.Crc32);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] PngBytes() => TestPhotos.Png(64, 64);

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
