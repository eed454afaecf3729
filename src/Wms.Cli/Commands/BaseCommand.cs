using System.CommandLine;
using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Commands;

/// <summary>
/// A command with an action. It turns expected failures (<see cref="WmsException"/>) into one
/// clear line and a named exit code, and Ctrl+C into <see cref="ExitCodes.Cancelled"/>.
/// </summary>
public abstract class BaseCommand : Command
{
    protected BaseCommand(string name, string description, IConsoleUi ui) : base(name, description)
    {
        Ui = ui;
        SetAction(RunAsync);
    }

    protected IConsoleUi Ui { get; }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(parseResult, cancellationToken);
        }
        catch (WmsException e)
        {
            Ui.Error(e.Message);
            return ExitCodes.For(e.Kind);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Ui.Warn("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { } problem)
        {
            Ui.Error(problem);
            return ExitCodes.InvalidUsage;
        }
        catch (Exception e) when (parseResult.GetValue(CommonOptions.Verbose) is false)
        {
            Ui.Error($"unexpected {e.GetType().Name}: {e.Message} (run with --verbose for details)");
            return ExitCodes.UnexpectedError;
        }
        catch (Exception e)
        {
            Ui.Error(e.ToString());
            return ExitCodes.UnexpectedError;
        }
    }
}
