using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Testing;
using Wms.Cli;
using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Tests;

/// <summary>What one in-process `wms` invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs `wms` commands in-process against a workspace folder, capturing stdout and stderr.
/// Configuration comes only from <paramref name="settings"/> (never the machine's environment),
/// and <paramref name="configure"/> can swap any service.
/// </summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string workspace, IEnumerable<string> args,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = workspace,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddWmsCli();

        var outConsole = new TestConsole().Width(200);
        var errConsole = new TestConsole().Width(200);
        var json = new StringWriter();
        builder.Services.AddSingleton<IConsoleUi>(sp => new ConsoleUi(outConsole, errConsole, json, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(new Workspace(workspace));
        configure?.Invoke(builder.Services);

        using var host = builder.Build();
        var help = new StringWriter();
        var code = await CommandTree.InvokeAsync(host.Services, args.ToArray(), cancellationToken, help);
        return new CliResult(code, outConsole.Output + json + help, errConsole.Output);
    }

    public static Task<CliResult> RunAsync(string workspace, params string[] args) => RunAsync(workspace, (IEnumerable<string>)args);
}
