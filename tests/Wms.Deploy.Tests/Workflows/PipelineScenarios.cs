namespace Wms.Deploy.Tests.Workflows;

/// <summary>Every way a pipeline run can go, as job results and outputs.</summary>
public static class PipelineScenarios
{
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Train(string improved) => new()
    {
        ["train"] = new Dictionary<string, string> { ["improved"] = improved, ["model_version"] = "7", ["dice"] = "0.91" },
        ["create-pr"] = new Dictionary<string, string> { ["pull_request_number"] = "42" },
    };

    public static readonly IReadOnlyDictionary<string, Scenario> All = new Scenario[]
    {
        new("validation fails", new Dictionary<string, string> { ["merge-and-validate"] = "failure" }),
        new("the machine does not start", new Dictionary<string, string> { ["start-infra"] = "failure" }),
        new("training fails", new Dictionary<string, string> { ["train"] = "failure" }),
        new("training is cancelled", new Dictionary<string, string> { ["train"] = "cancelled" }, Cancelled: true),
        new("not improved", Outputs: Train("false")),
        new("improved and deployed", Outputs: Train("true")),
        new("improved, deployment fails", new Dictionary<string, string> { ["deploy"] = "failure" }, Train("true")),
        new("improved, cancelled while deploying", new Dictionary<string, string> { ["deploy"] = "cancelled" }, Train("true"), Cancelled: true),
        new("improved, the pull request fails", new Dictionary<string, string> { ["create-pr"] = "failure" }, Train("true")),
    }.ToDictionary(s => s.Name);
}
