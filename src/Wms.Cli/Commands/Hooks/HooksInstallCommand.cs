using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Cli.Commands.Data;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Hooks;

namespace Wms.Cli.Commands.Hooks;

/// <summary>
/// `wms hooks install`: writes the pre-push hook. The hook is plain sh + git with the settings
/// (protected branch, data folders) written in, so pushing needs neither .NET nor `wms`.
/// </summary>
internal sealed class HooksInstallCommand : BaseCommand
{
    private readonly Workspace _workspace;
    private readonly DataOptions _data;
    private readonly HooksOptions _hooks;

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace a pre-push hook that wms did not write (kept as pre-push.backup)",
    };

    public HooksInstallCommand(IConsoleUi ui, Workspace workspace, IOptions<DataOptions> data, IOptions<HooksOptions> hooks)
        : base("install", "Install the git pre-push hook: data pushed to main goes to a data/YYYYMMDD-HHMMSS branch instead", ui)
    {
        (_workspace, _data, _hooks) = (workspace, data.Value, hooks.Value);
        Options.Add(Force);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var folders = _data.EffectiveFolders;
        var script = PrePushHookScript.Render(_hooks.Branch, folders);
        var result = HookInstaller.Install(_workspace.Root, script, parseResult.GetValue(Force));
        if (result.BackupPath is not null) Ui.Warn($"the previous pre-push hook was kept as {result.BackupPath}");
        Ui.Success($"{(result.Replaced ? "updated" : "installed")} {result.HookPath}: pushes to '{_hooks.Branch}' that change "
            + $"{string.Join(", ", folders)} go to a data/YYYYMMDD-HHMMSS branch instead");
        Ui.Info("the settings (Hooks:Branch, Data:Folders) are written into the hook: run 'wms hooks install' again after changing them");
        return Task.FromResult(ExitCodes.Success);
    }
}
