using System.CommandLine;

namespace Wms.Cli.Commands.Bench;

/// <summary>`wms bench`: measurements to run on a quiet machine (never in unit tests).</summary>
internal sealed class BenchCommand(PredictBenchCommand predict) : ITopLevelCommand
{
    public Command Command { get; } = new("bench", "Measure speed: prediction end to end (decode, preprocess, inference)")
    {
        Subcommands = { predict },
    };
}
