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

    /// <summary>HResults of an IOException for "already exists": errno EEXIST on Unix, ERROR_FILE_EXISTS on Windows.</summary>
    private const int EExist = 17;
    private const int WindowsFileExists = unchecked((int)0x80070050);

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
        catch (Exception e) when (e is UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException or IOException { HResult: EExist or WindowsFileExists })
        {
            // A path the user gave that cannot be used (no permission, a file where a folder goes):
            // the user's to fix, not a bug. .NET's message names the path.
            Ui.Error(e.Message);
            return e is FileNotFoundException or DirectoryNotFoundException ? ExitCodes.NotFound : ExitCodes.InvalidUsage;
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
