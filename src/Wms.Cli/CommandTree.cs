using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Commands;
using Wms.Cli.Output;

namespace Wms.Cli;

/// <summary>The `wms` command tree: every command and group, in one place.</summary>
public static class CommandTree
{
    public static RootCommand Build(IServiceProvider services)
    {
        var root = new RootCommand("wms: train, track, gate, serve and monitor the water-meter segmentation U-Net.\n\n" + ExitCodeHelp())
        {
            Options = { CommonOptions.Format, CommonOptions.Verbose },
        };
        foreach (var command in services.GetServices<ITopLevelCommand>().OrderBy(c => c.Command.Name, StringComparer.Ordinal))
            root.Subcommands.Add(command.Command);
        return root;
    }

    /// <summary>Parses and runs; parse errors exit with <see cref="ExitCodes.InvalidUsage"/>, not 1.</summary>
    /// <param name="output">Where help and version text go (stdout when null); tests capture it.</param>
    public static async Task<int> InvokeAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken = default, TextWriter? output = null)
    {
        var root = Build(services);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var ui = services.GetRequiredService<IConsoleUi>();
            foreach (var error in parseResult.Errors)
                ui.Error(Friendly(error.Message));
            ui.Info("Run 'wms --help' (or 'wms <command> --help') for usage.");
            return ExitCodes.InvalidUsage;
        }
        // Ctrl+C cancels the command's token; System.CommandLine's default of 2 s before it ends the
        // process anyway is too short for `wms train`, which finishes its current batch (seconds at
        // 512x512 on 2 cores) and writes the run's files before it exits.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
        if (output is not null) invocation.Output = output;
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>System.CommandLine names .NET types ("System.Nullable`1[System.Int32]"); users need "an integer".</summary>
    internal static string Friendly(string message) => System.Text.RegularExpressions.Regex.Replace(message,
        @"as expected type '(System\.Nullable`1\[)?System\.(\w+)\]?'\.?", m => m.Groups[2].Value switch
        {
            "Int32" or "Int64" => "as an integer.",
            "Double" or "Single" => "as a number.",
            "Boolean" => "as true or false.",
            var other => $"as {other}.",
        });

    private static string ExitCodeHelp()
    {
        var text = new StringBuilder("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Documented)
            text.Append($"\n  {code,3}  {meaning}");
        return text.ToString();
    }
}

/// <summary>A command or group that sits directly under `wms`; register one per area in DI.</summary>
public interface ITopLevelCommand
{
    Command Command { get; }
}
