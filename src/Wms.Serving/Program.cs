using Wms.Serving;

// Docker HEALTHCHECK mode (the runtime image has no curl): probe /ready and exit.
ReadinessProbe.ExitIfRequested(args);

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.Run();

public partial class Program { }
