namespace Wms.Cli.Pipeline;

/// <summary>The steps, in order, as named in the state file and the summary.</summary>
public static class PipelineStepNames
{
    public const string Merge = "merge";
    public const string Validate = "validate";
    public const string Train = "train";
    public const string Gate = "gate";
    public const string Promote = "promote";
    public const string DataVersion = "data_version";
    public const string Export = "export";

    public static IReadOnlyList<string> All { get; } = [Merge, Validate, Train, Gate, Promote, DataVersion, Export];
}
