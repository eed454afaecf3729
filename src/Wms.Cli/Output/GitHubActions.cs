using Microsoft.Extensions.Configuration;
using Wms.Core;

namespace Wms.Cli.Output;

/// <summary>
/// GitHub Actions' files, when a step runs there: step outputs (<c>key=value</c> lines appended to
/// <c>$GITHUB_OUTPUT</c>) and the job summary (markdown appended to <c>$GITHUB_STEP_SUMMARY</c>).
/// Read from configuration (the environment included), so tests set them like any other key.
/// Outside Actions (variables unset) both do nothing.
/// </summary>
public sealed class GitHubActions(IConfiguration configuration)
{
    public const string OutputVariable = "GITHUB_OUTPUT";
    public const string SummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>Appends one line per output. Values must be single-line.</summary>
    public void WriteOutputs(params (string Key, string Value)[] outputs)
    {
        if (configuration[OutputVariable] is not { Length: > 0 } path) return;
        foreach (var (key, value) in outputs)
        {
            if (value.Contains('\n', StringComparison.Ordinal))
                throw new ArgumentException($"output {key} must be a single line", nameof(outputs));
        }
        Append(path, string.Concat(outputs.Select(o => $"{o.Key}={o.Value}\n")));
    }

    /// <summary>Appends markdown to the job summary.</summary>
    public void AppendSummary(string markdown)
    {
        if (configuration[SummaryVariable] is { Length: > 0 } path)
            Append(path, markdown.EndsWith('\n') ? markdown : markdown + "\n");
    }

    private static void Append(string path, string text)
    {
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{path}: cannot append GitHub Actions output ({e.Message})");
        }
    }
}
