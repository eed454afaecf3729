using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data push`: upload cached objects the remote lacks; a directory's <c>.dir</c> goes last, only when complete.</summary>
internal sealed class PushCommand : BaseCommand
{
    private readonly Workspace _workspace;
    private readonly IObjectStoreFactory _stores;
    private readonly DataOptions _options;
    private readonly Argument<string[]> _targets = DvcArguments.Targets();
    private readonly Option<string?> _remote = DvcArguments.Remote();
    private readonly Option<int?> _jobs = DvcArguments.Jobs();

    public PushCommand(IConsoleUi ui, Workspace workspace, IObjectStoreFactory stores, IOptions<DataOptions> options)
        : base("push", "Upload tracked data to a DVC remote (file objects first, the .dir manifest last and only if all arrived)", ui)
    {
        (_workspace, _stores, _options) = (workspace, stores, options.Value);
        Arguments.Add(_targets);
        Options.Add(_remote);
        Options.Add(_jobs);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var session = DvcSession.Open(_workspace, parseResult.GetValue(_targets) ?? [], parseResult.GetValue(_remote), true, _stores, Ui);
        var jobs = parseResult.GetValue(_jobs) ?? _options.Jobs;
        var json = parseResult.IsJson();
        var result = await ProgressBridge.RunAsync(Ui, json, $"Pushing to '{session.RemoteConfig!.Name}'",
            progress => DvcPush.PushAsync(session.Repository, session.Outputs, session.Remote!, jobs, progress, cancellationToken));
        return TransferView.Finish(Ui, json, "push", session.RemoteConfig.Name, result);
    }
}
