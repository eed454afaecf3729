using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data pull`: fetch and verify objects, then update the workspace, never leaving a partial file.</summary>
internal sealed class PullCommand : BaseCommand
{
    private readonly Workspace _workspace;
    private readonly IObjectStoreFactory _stores;
    private readonly DataOptions _options;
    private readonly Argument<string[]> _targets = DvcArguments.Targets();
    private readonly Option<string?> _remote = DvcArguments.Remote();
    private readonly Option<int?> _jobs = DvcArguments.Jobs();

    private static readonly Option<bool> Force = new("--force", "-f")
    {
        Description = "Overwrite modified files and delete untracked ones in tracked folders",
    };

    public PullCommand(IConsoleUi ui, Workspace workspace, IObjectStoreFactory stores, IOptions<DataOptions> options)
        : base("pull", "Download tracked data from a DVC remote, verify every md5, then update the workspace", ui)
    {
        (_workspace, _stores, _options) = (workspace, stores, options.Value);
        Arguments.Add(_targets);
        Options.Add(_remote);
        Options.Add(_jobs);
        Options.Add(Force);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var session = DvcSession.Open(_workspace, parseResult.GetValue(_targets) ?? [], parseResult.GetValue(_remote), true, _stores, Ui);
        var jobs = parseResult.GetValue(_jobs) ?? _options.Jobs;
        var json = parseResult.IsJson();
        var result = await ProgressBridge.RunAsync(Ui, json, $"Pulling from '{session.RemoteConfig!.Name}'",
            progress => DvcPull.PullAsync(session.Repository, session.Outputs, session.Remote!, parseResult.GetValue(Force), jobs, progress, cancellationToken));
        return TransferView.Finish(Ui, json, "pull", session.RemoteConfig.Name, result);
    }
}
