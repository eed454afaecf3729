using System.Diagnostics;
using System.Text.Json;

namespace Wms.Cli.Commands.Bench;

/// <summary>Runs <c>torch_reference.py time-train|time-forward</c> and reads its median.</summary>
internal sealed class TorchReference(string python, string script)
{
    /// <summary>Median milliseconds, or the reason it could not be measured.</summary>
    /// <param name="sameMalloc">Give PyTorch our malloc settings (TorchRuntime.AllocatorEnvironment);
    /// without, it runs as torch_reference.py does by default.</param>
    public async Task<(double? Median, string? Problem)> TimeAsync(string command, int size, int batch, int threads, int repeats, int warmup,
        bool sameMalloc, CancellationToken cancellationToken)
    {
        if (!File.Exists(script)) return (null, $"{script} not found");
        if (!File.Exists(python)) return (null, $"{python} not found");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Same OpenMP waiting as ours (see TorchRuntime), or the comparison measures that instead.
            Environment = { ["OMP_WAIT_POLICY"] = Wms.Training.Model.TorchRuntime.OpenMpWaitPolicy },
        };
        if (sameMalloc)
            foreach (var (name, value) in Wms.Training.Model.TorchRuntime.AllocatorEnvironment)
                start.Environment[name] = value;
        foreach (var a in new[] { script, command, "--size", $"{size}", "--batch", $"{batch}", "--threads", $"{threads}", "--n", $"{repeats}", "--warmup", $"{warmup}" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            return (null, $"torch_reference.py failed: {(await stderr).Trim().Split('\n')[^1]}");
        var last = (await stdout).Trim().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        return (json.RootElement.GetProperty("median_ms").GetDouble(), null);
    }
}
