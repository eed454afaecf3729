using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wms.Cli;

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
