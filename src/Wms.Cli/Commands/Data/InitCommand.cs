using System.CommandLine;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data init`: `dvc init` without git hooks: <c>.dvc/config</c>, <c>.dvc/.gitignore</c>, <c>.dvcignore</c>.</summary>
internal sealed class InitCommand : BaseCommand
{
    private readonly Workspace _workspace;

    private static readonly Option<string?> RemoteName = new("--remote")
    {
        Description = "Name of a default remote to configure (with --url)",
    };

    private static readonly Option<string?> Url = new("--url")
    {
        Description = "Its url: s3://bucket/prefix or a folder; put credentials in .dvc/config.local",
    };

    public InitCommand(IConsoleUi ui, Workspace workspace)
        : base("init", "Set up .dvc/ here as `dvc init` does (optionally with a default remote)", ui)
    {
        _workspace = workspace;
        Options.Add(RemoteName);
        Options.Add(Url);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (name, url) = (parseResult.GetValue(RemoteName), parseResult.GetValue(Url));
        if ((name is null) != (url is null)) throw new WmsException("--remote and --url go together");
        var existed = Directory.Exists(Path.Combine(_workspace.Root, DvcRepository.DvcDirectoryName));
        var repository = DvcRepository.Init(_workspace.Root, name, url);
        if (parseResult.IsJson()) Ui.WriteJson(new InitOutput(repository.Root, !existed, name), DataJsonContext.Relaxed.InitOutput);
        else if (existed) Ui.Info($"{repository.DvcDirectory} exists already; left as it is");
        else Ui.Success($"initialised {repository.DvcDirectory}" + (name is null ? "" : $" with default remote '{name}' ({url})"));
        return Task.FromResult(ExitCodes.Success);
    }
}
