using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Serving;

namespace Wms.Cli.Commands.Serve;

/// <summary>
/// `wms serve`: the prediction API (the same app as the Wms.Serving container), in the foreground
/// until Ctrl+C, which drains requests in flight before exiting 0.
/// </summary>
public sealed class ServeCommand : BaseCommand, ITopLevelCommand
{
    private static readonly Option<int> Port = new("--port")
    {
        Description = "TCP port to listen on (0 picks a free one)",
        DefaultValueFactory = _ => 8000,
    };

    private static readonly Option<string> Host = new("--host")
    {
        Description = "Address to listen on; 0.0.0.0 for every interface",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    private static readonly Option<string?> Model = new("--model")
    {
        Description = "An ONNX file or model folder to serve (else the registry's model; env MODEL_PATH)",
    };

    private static readonly Option<string?> ModelVersion = new("--model-version")
    {
        Description = "Registry alias, stage or version to serve and follow (default production; env MODEL_VERSION)",
    };

    private static readonly Option<int?> Threads = new("--threads")
    {
        Description = "ONNX Runtime threads per inference (default: one per core)",
    };

    private readonly IConfiguration _configuration;
    private readonly Workspace _workspace;

    public ServeCommand(IConsoleUi ui, IConfiguration configuration, Workspace workspace)
        : base("serve", "Serve the model over HTTP: POST /predict, /predict/batch, GET /health, /ready, /metrics and an upload page at /", ui)
    {
        (_configuration, _workspace) = (configuration, workspace);
        Options.Add(Port);
        Options.Add(Host);
        Options.Add(Model);
        Options.Add(ModelVersion);
        Options.Add(Threads);
    }

    Command ITopLevelCommand.Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var port = parseResult.GetValue(Port);
        if (port is < 0 or > 65535) throw new WmsException($"--port {port}: not a TCP port (0-65535)");
        var threads = parseResult.GetValue(Threads);
        if (threads is < 1 or > ThreadLimits.Max) throw new WmsException($"--threads {threads}: must be between 1 and {ThreadLimits.Max}");
        var model = parseResult.GetValue(Model) is { } path ? _workspace.Resolve(path) : null;
        if (model is not null && !File.Exists(model) && !Directory.Exists(model))
            throw WmsException.NotFound($"{model}: model not found (an ONNX file or a model folder)");
        var url = $"http://{parseResult.GetValue(Host)}:{port}";

        WebApplication? app = null;
        try
        {
            // Options are validated while building (HostOptions reads ServingOptions) and starting.
            app = Build(url, model, parseResult.GetValue(ModelVersion), threads);
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is AddressInUseException || e.InnerException is AddressInUseException)
        {
            await DisposeAsync(app);
            throw new WmsException($"cannot listen on {url}: the address is in use (pick another --port)");
        }
        catch (OptionsValidationException e)
        {
            await DisposeAsync(app);
            throw new WmsException($"invalid serving configuration: {string.Join("; ", e.Failures)}");
        }
        catch
        {
            await DisposeAsync(app);
            throw;
        }
        await using (app)
        {
            Ui.Info($"Serving on {string.Join(", ", app.Urls)} (upload page at /, metrics at /metrics); Ctrl+C to stop");
            await app.WaitForShutdownAsync(cancellationToken);
        }
        Ui.Info("stopped");
        return ExitCodes.Success;
    }

    private static async Task DisposeAsync(WebApplication? app)
    {
        if (app is not null) await app.DisposeAsync();
    }

    private WebApplication Build(string url, string? model, string? modelVersion, int? threads)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _workspace.Root, Args = [] });
        // The CLI's configuration (wms.json, environment) first, then the options given here.
        builder.Configuration.AddConfiguration(_configuration);
        var overrides = new Dictionary<string, string?> { [WebHostDefaults.ServerUrlsKey] = url };
        if (model is not null) overrides["Serving:Model:Path"] = model;
        if (modelVersion is not null) overrides["Serving:Model:Version"] = modelVersion;
        if (threads is not null) overrides["Serving:Model:Threads"] = threads.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration.AddInMemoryCollection(overrides);
        // Logs are messages, not data: all of them go to stderr, as every other wms command's messages.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddWmsServing();
        var app = builder.Build();
        app.MapWmsServing();
        return app;
    }
}
