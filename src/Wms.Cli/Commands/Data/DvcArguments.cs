using System.CommandLine;

namespace Wms.Cli.Commands.Data;

/// <summary>Arguments and options shared by push, pull and status (named as in `dvc`).</summary>
internal static class DvcArguments
{
    public static Argument<string[]> Targets() => new("targets")
    {
        Description = ".dvc files or the paths they track (default: every .dvc file in the repository)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Remote() => new("--remote", "-r")
    {
        Description = "Remote from .dvc/config (default: core.remote)",
    };

    public static Option<int?> Jobs() => new("--jobs", "-j")
    {
        Description = "Parallel transfers (default: Data:Jobs, 8)",
    };
}
