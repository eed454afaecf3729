using System.CommandLine;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data add DIR`: track a folder (or file) in DVC 3 format: <c>DIR.dvc</c> plus the cache.</summary>
internal sealed class AddCommand : BaseCommand
{
    private readonly Workspace _workspace;

    private static readonly Argument<string[]> Targets = new("targets")
    {
        Description = "Folders or files to track (each gets a TARGET.dvc next to it)",
        Arity = ArgumentArity.OneOrMore,
    };

    public AddCommand(IConsoleUi ui, Workspace workspace)
        : base("add", "Track folders or files as `dvc add` does: write TARGET.dvc, fill .dvc/cache, ignore TARGET in git", ui)
    {
        _workspace = workspace;
        Arguments.Add(Targets);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var repository = DvcRepository.Find(_workspace.Root);
        var json = parseResult.IsJson();
        var outputs = new List<AddOutput>();
        foreach (var target in parseResult.GetValue(Targets)!)
        {
            var path = _workspace.Resolve(target);
            var result = await ProgressBridge.RunAsync(Ui, json, $"Adding {target}",
                progress => DvcAdd.Add(repository, path, progress, cancellationToken));
            var o = result.Out;
            outputs.Add(new AddOutput(repository.Relative(result.DvcFilePath), repository.Relative(path), o.Oid!, o.Size, o.NFiles,
                result.FilesCached, result.FilesAlreadyCached));
            if (!json)
            {
                Ui.Success($"{repository.Relative(result.DvcFilePath)}: {o.Oid}, {o.NFiles?.ToString() ?? "1"} file(s), {o.Size} bytes "
                    + $"({result.FilesCached} new in the cache, {result.FilesAlreadyCached} already there)");
            }
        }
        if (json)
            Ui.WriteJson(outputs, DataJsonContext.Relaxed.ListAddOutput);
        else
        {
            Ui.Info($"next: git add {string.Join(' ', outputs.Select(o => o.DvcFile))} (and the .gitignore), then 'wms data push'");
        }
        return ExitCodes.Success;
    }
}
