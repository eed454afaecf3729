namespace Wms.Core;

/// <summary>What kind of failure a <see cref="WmsException"/> reports; the CLI maps it to an exit code.</summary>
public enum WmsErrorKind
{
    /// <summary>Bad input: a file, a field or an option the user gave is wrong.</summary>
    InvalidInput,
    /// <summary>Data failed its quality checks.</summary>
    DataInvalid,
    /// <summary>A run, model version, alias or file that was asked for does not exist.</summary>
    NotFound,
    /// <summary>An external service (MLflow, S3, the DVC remote) could not be reached or refused.</summary>
    DependencyUnavailable,
    /// <summary>The operation conflicts with what is already stored.</summary>
    Conflict,
}

/// <summary>
/// An expected failure with a one-line message for the user (it names the file or field).
/// Anything else that escapes a command is a bug and is reported as one.
/// </summary>
public sealed class WmsException(string message, WmsErrorKind kind = WmsErrorKind.InvalidInput, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The kind of failure, which decides the exit code.</summary>
    public WmsErrorKind Kind { get; } = kind;

    /// <summary>Shorthand for a not-found failure.</summary>
    public static WmsException NotFound(string message) => new(message, WmsErrorKind.NotFound);
}
