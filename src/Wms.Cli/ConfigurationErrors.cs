namespace Wms.Cli;

/// <summary>
/// Mistakes in wms.json or the environment, as .NET's configuration reports them (a file that is
/// not JSON; a value that does not convert to its setting's type), turned into one line that
/// names the file or key, for exit <see cref="ExitCodes.InvalidUsage"/> instead of a stack trace.
/// </summary>
internal static class ConfigurationErrors
{
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidDataException && e.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal))
                return $"{e.Message.TrimEnd('.')}: {e.InnerException?.Message ?? "not valid JSON"}";
            if (e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
                return e.InnerException is { } inner ? $"{e.Message.TrimEnd('.')}: {inner.Message}" : e.Message;
        }
        return null;
    }
}
