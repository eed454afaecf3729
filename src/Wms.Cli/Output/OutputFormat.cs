namespace Wms.Cli.Output;

/// <summary>How a command prints its result: a human table (default) or one JSON document.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
