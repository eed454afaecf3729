using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wms.Cli;

try
{
    // Configuration: command-line options > environment variables > wms.json > defaults.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        ContentRootPath = Directory.GetCurrentDirectory(),
        DisableDefaults = true,
    });
    builder.Configuration.AddWmsConfiguration();

    // Commands, their services and the console are resolved from DI so tests can swap any of them.
    builder.Services.AddWmsCli();

    using var host = builder.Build();
    // The commands run on the thread pool; this first thread runs the libtorch work (ComputeThread).
    return Wms.Training.Model.ComputeThread.Lend(() => CommandTree.InvokeAsync(host.Services, args));
}
catch (Exception e) when (ConfigurationErrors.Describe(e) is { } problem)
{
    // Before any command runs (wms.json unreadable, a setting that does not convert): one line, not a stack trace.
    Console.Error.WriteLine($"error: {problem}");
    return ExitCodes.InvalidUsage;
}
