namespace Wms.Cli.Commands.Deploy;

/// <summary>
/// The API key the smoke test sends: the server's own setting (<c>Serving:ApiKey</c>, environment
/// <c>Serving__ApiKey</c>), so a client and the server it tests read one secret. Never an option:
/// command lines show up in process lists and CI logs.
/// </summary>
public sealed record SmokeOptions
{
    public const string Section = "Serving";

    public string? ApiKey { get; init; }
}
