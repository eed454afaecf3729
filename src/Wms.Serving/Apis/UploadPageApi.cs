using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Wms.Serving.Apis;

/// <summary>
/// <c>GET /</c> (and HEAD): the upload page, and <c>/assets/*</c>: its script, zip writer and style. All of it
/// is embedded in this assembly (no CDN, no wwwroot to ship), and the Content-Security-Policy lets
/// the page load nothing from elsewhere.
/// </summary>
internal static class UploadPageApi
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["zip.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(() => ContentTypes.Keys.ToFrozenDictionary(name => name, Read));

    public static IEndpointRouteBuilder MapUploadPage(this IEndpointRouteBuilder app)
    {
        // HEAD too: uptime checks and load balancers probe "/" with it, and a 405 reads as "down".
        // Kestrel sends HEAD's headers (Content-Length included) and drops the body.
        app.MapMethods("/", PageMethods, (HttpContext http) => Serve(http, "index.html")).WithName("UploadPage").ExcludeFromDescription();
        app.MapMethods("/assets/{name}", PageMethods, (HttpContext http, string name) => Serve(http, name)).WithName("UploadPageAsset").ExcludeFromDescription();
        return app;
    }

    private static Results<FileContentHttpResult, NotFound> Serve(HttpContext http, string name)
    {
        if (!Files.Value.TryGetValue(name, out var bytes)) return TypedResults.NotFound();
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(bytes, ContentTypes[name]);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(UploadPageApi).Assembly.GetManifestResourceStream("Assets/" + name)
            ?? throw new InvalidOperationException($"embedded resource Assets/{name} missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
