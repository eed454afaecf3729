using Wms.Core;

namespace Wms.Cli;

/// <summary>
/// Every exit code `wms` uses. They are stable: CI scripts branch on them (the gate's
/// <see cref="GateNotImproved"/> above all), so never renumber one.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int UnexpectedError = 1;
    public const int InvalidUsage = 2;
    public const int DataValidationFailed = 3;
    public const int GateNotImproved = 4;
    public const int DependencyUnavailable = 5;
    public const int NotFound = 6;
    public const int PartialFailure = 7;
    public const int Conflict = 8;
    public const int Cancelled = 130;

    /// <summary>The table printed at the end of `wms --help` and in the README.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Documented =
    [
        (Success, "success (also: gate passed, nothing to do)"),
        (UnexpectedError, "unexpected error (a bug; rerun with --verbose for the stack trace)"),
        (InvalidUsage, "invalid usage, configuration or input file (also: a corrupt or incomplete model cache)"),
        (DataValidationFailed, "data validation failed"),
        (GateNotImproved, "quality gate: the candidate is not better than Production"),
        (DependencyUnavailable, "MLflow, S3 or another service unreachable or refusing"),
        (NotFound, "run, model version, alias or file not found"),
        (PartialFailure, "some items failed, the rest were done (wms predict: also when every photo failed; wms data push/pull; wms bench --reference when PyTorch could not be timed)"),
        (Conflict, "conflicts with stored data (data merge without --replace, data pull over local changes)"),
        (Cancelled, "cancelled (Ctrl+C)"),
    ];

    public static int For(WmsErrorKind kind) => kind switch
    {
        WmsErrorKind.InvalidInput => InvalidUsage,
        WmsErrorKind.DataInvalid => DataValidationFailed,
        WmsErrorKind.NotFound => NotFound,
        WmsErrorKind.DependencyUnavailable => DependencyUnavailable,
        WmsErrorKind.Conflict => Conflict,
        _ => UnexpectedError,
    };
}
