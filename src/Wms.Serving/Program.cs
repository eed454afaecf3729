using Wms.Serving;

// Docker HEALTHCHECK mode (the runtime image has no curl): probe /ready and exit.
ReadinessProbe.ExitIfRequested(args);

// The API server (container entry point). `wms serve` starts the same app from the CLI.
var builder = WebApplication.CreateBuilder(args);

// Everything the server needs, in one table of contents (ServingApplication.cs).
builder.AddWmsServing();

var app = builder.Build();

// Endpoints: /health, /ready, /metrics, / (upload page), /predict, /predict/batch.
app.MapWmsServing();

app.Run();
