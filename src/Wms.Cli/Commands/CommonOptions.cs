using System.CommandLine;
using Wms.Cli.Output;

namespace Wms.Cli.Commands;

/// <summary>Options every command understands. Recursive, so they work after any subcommand.</summary>
public static class CommonOptions
{
    public static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output format: table (human) or json (one JSON document on stdout, nothing else)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces of unexpected errors",
        Recursive = true,
    };

    public static bool IsJson(this ParseResult parseResult) => parseResult.GetValue(Format) == OutputFormat.Json;
}
