using System.Globalization;

namespace Wms.Serving;

/// <summary>
/// `Wms.Serving --probe [URL]`: one GET of /ready, exit 0 on 2xx and 1 otherwise. The container
/// image's HEALTHCHECK runs it because the ASP.NET runtime image has no curl, wget or shell tools
/// to do that (and installing them would widen the image's attack surface).
/// </summary>
public static class ReadinessProbe
{
    public const string Argument = "--probe";

    /// <summary>Runs the probe and exits the process when <paramref name="args"/> asks for it; otherwise returns.</summary>
    public static void ExitIfRequested(string[] args)
    {
        if (args is [Argument, ..])
            Environment.Exit(Run(args.Length > 1 ? args[1] : DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")), Console.Out));
    }

    public static int Run(string url, TextWriter output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            output.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            output.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }

    /// <summary>/ready on the first port of ASPNETCORE_HTTP_PORTS (the image sets 8000).</summary>
    public static string DefaultUrl(string? httpPorts)
    {
        var first = (httpPorts ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 8000;
        return $"http://127.0.0.1:{port}/ready";
    }
}
