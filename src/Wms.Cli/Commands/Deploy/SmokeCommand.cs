using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Wms.Cli.Commands.Infra;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Deploy;
using Wms.Core.Imaging;

namespace Wms.Cli.Commands.Deploy;

/// <summary>`wms deploy smoke --url URL`: /ready within the timeout, /health, one /predict, /metrics.</summary>
public sealed class SmokeCommand : BaseCommand
{
    public const string HttpClientName = "smoke";

    private static readonly Option<Uri> Url = new("--url")
    {
        Description = "Base URL of the model API, e.g. http://127.0.0.1:30080",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--url '{text}' is not an http(s) URL");
            return null;
        },
    };

    private static readonly Option<string?> Photo = new("--photo")
    {
        Description = "A JPEG or PNG to post to /predict (default: a synthetic meter-like photo)",
    };

    private static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = "How long to wait for /ready, e.g. 5m (default 5m)",
        CustomParser = Durations.ParseOptional,
    };

    private readonly IHttpClientFactory _http;
    private readonly IOptions<SmokeOptions> _options;
    private readonly TimeProvider _time;
    private readonly Workspace _workspace;

    public SmokeCommand(IConsoleUi ui, IHttpClientFactory http, IOptions<SmokeOptions> options, TimeProvider time, Workspace workspace)
        : base("smoke", "Smoke-test a deployed model API: /ready, /health, POST /predict, /metrics (API key from Serving__ApiKey)", ui)
    {
        _http = http;
        _options = options;
        _time = time;
        _workspace = workspace;
        Options.Add(Url);
        Options.Add(Photo);
        Options.Add(Timeout);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (photo, name) = parseResult.GetValue(Photo) is { } path
            ? (ImageDecoder.ReadFile(_workspace.Resolve(path)), Path.GetFileName(path))
            : (SmokePhoto.Create(), "smoke.jpg");
        var http = _http.CreateClient(HttpClientName);
        http.Timeout = TimeSpan.FromSeconds(60);
        var smoke = new ServingSmokeTest(http, _time, new UiProgress(Ui));
        var result = await smoke.RunAsync(parseResult.GetValue(Url)!, photo, name, _options.Value.ApiKey,
            parseResult.GetValue(Timeout) ?? TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), cancellationToken);

        if (parseResult.IsJson())
            Ui.WriteJson(new SmokeDto(result.Url, result.Passed, [.. result.Checks.Select(c => new SmokeCheckDto(c.Name, c.Passed, c.Detail))]),
                SmokeJsonContext.Default.SmokeDto);
        else
        {
            var table = new Table().AddColumns("check", "result", "detail");
            foreach (var check in result.Checks)
                table.AddRow(check.Name, check.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(check.Detail));
            Ui.Out.Write(table);
        }
        if (result.Passed) return ExitCodes.Success;
        Ui.Error($"smoke test of {result.Url} failed: {string.Join("; ", result.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"))}");
        return ExitCodes.DependencyUnavailable;
    }
}
