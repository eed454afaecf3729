using System.CommandLine;
using Spectre.Console;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;

namespace Wms.Cli.Commands.Data;

/// <summary>`wms data status`: workspace vs .dvc (new, modified, deleted files), vs the cache, and with a remote, what to push or pull.</summary>
internal sealed class StatusCommand : BaseCommand
{
    private readonly Workspace _workspace;
    private readonly IObjectStoreFactory _stores;
    private readonly DataOptions _options;
    private readonly Argument<string[]> _targets = DvcArguments.Targets();
    private readonly Option<string?> _remote = DvcArguments.Remote();
    private readonly Option<int?> _jobs = DvcArguments.Jobs();

    private static readonly Option<bool> Cloud = new("--cloud", "-c")
    {
        Description = "Also compare with the default remote (implied by --remote)",
    };

    public StatusCommand(IConsoleUi ui, Workspace workspace, IObjectStoreFactory stores, IOptions<DataOptions> options)
        : base("status", "Show changes: workspace vs .dvc files, missing cache objects, and objects to push or pull (--remote/--cloud)", ui)
    {
        (_workspace, _stores, _options) = (workspace, stores, options.Value);
        Arguments.Add(_targets);
        Options.Add(_remote);
        Options.Add(Cloud);
        Options.Add(_jobs);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var remoteName = parseResult.GetValue(_remote);
        var withRemote = remoteName is not null || parseResult.GetValue(Cloud);
        var session = DvcSession.Open(_workspace, parseResult.GetValue(_targets) ?? [], remoteName, withRemote, _stores, Ui);
        var statuses = await DvcStatus.ComputeAsync(session.Repository, session.Outputs, session.Remote, session.RemoteConfig?.Name,
            parseResult.GetValue(_jobs) ?? _options.Jobs, cancellationToken);
        if (parseResult.IsJson()) Ui.WriteJson(new StatusOutput(session.RemoteConfig?.Name, statuses), DataJsonContext.Relaxed.StatusOutput);
        else foreach (var status in statuses) Render(status);
        return ExitCodes.Success;
    }

    private void Render(OutputStatus s)
    {
        var workspace = s.Workspace switch
        {
            WorkspaceState.Unchanged => "up to date",
            WorkspaceState.Modified when s.Changes is { } c => $"modified: {c.New.Count} new, {c.Modified.Count} modified, {c.Deleted.Count} deleted file(s) (record with 'wms data add')",
            WorkspaceState.Modified => "modified (the recorded manifest is not in the cache: pull it, or compare with --cloud, for the file list)",
            WorkspaceState.Deleted => "not in the workspace (run 'wms data pull')",
            _ => "not recorded yet (run 'wms data add')",
        };
        Ui.Out.MarkupLineInterpolated($"[bold]{s.Path}[/] ({s.DvcFile}): {workspace}");
        if (s.Changes is { } changes)
        {
            foreach (var f in changes.New) Ui.Out.MarkupLineInterpolated($"    [green]new:[/]      {f}");
            foreach (var f in changes.Modified) Ui.Out.MarkupLineInterpolated($"    [yellow]modified:[/] {f}");
            foreach (var f in changes.Deleted) Ui.Out.MarkupLineInterpolated($"    [red]deleted:[/]  {f}");
        }
        if (s.Workspace == WorkspaceState.NotCommitted) return;
        var cache = !s.ManifestKnown ? "the .dir manifest is not in the cache"
            : s.MissingFromCache == 0 ? $"complete ({s.Objects} objects)"
            : $"{s.MissingFromCache} of {s.Objects} objects missing (run 'wms data pull')";
        Ui.Out.MarkupLineInterpolated($"  cache: {cache}");
        if (s.Remote is { } r)
        {
            Ui.Out.MarkupLineInterpolated(
                $"  remote '{r.Remote}': {r.InSync} in sync, {r.New} new (to push), {r.Deleted} only on the remote (to pull), {r.Missing} missing everywhere");
        }
    }
}
