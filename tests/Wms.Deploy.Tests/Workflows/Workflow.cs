using System.Text.Json.Nodes;

namespace Wms.Deploy.Tests.Workflows;

/// <summary>One step of a job: an action (<see cref="Uses"/>) or a shell command (<see cref="Run"/>).</summary>
public sealed record Step(string? Name, string? Id, string? Uses, string? Run, string? If, JsonObject? With, string? WorkingDirectory);

/// <summary>One job: what it needs, when it runs, where, and its steps or the reusable workflow it calls.</summary>
public sealed record Job(string Id, IReadOnlyList<string> Needs, string? If, JsonNode? RunsOn, string? Uses, IReadOnlyList<Step> Steps, JsonObject Node)
{
    public IEnumerable<string> RunCommands => Steps.Select(s => s.Run).OfType<string>();
}

/// <summary>A GitHub Actions workflow file, parsed with YamlDotNet.</summary>
public sealed class Workflow
{
    private Workflow(string file, JsonObject root, IReadOnlyDictionary<string, Job> jobs)
    {
        File = file;
        Root = root;
        Jobs = jobs;
    }

    public string File { get; }
    public JsonObject Root { get; }
    public IReadOnlyDictionary<string, Job> Jobs { get; }
    public JsonNode On => Root["on"]!;

    public static Workflow Load(string name)
    {
        var path = Path.Combine(RepoPaths.Workflows, name);
        var root = Yaml.LoadFile(path).AsObject();
        var jobs = root["jobs"]!.AsObject().ToDictionary(kv => kv.Key, kv => ParseJob(kv.Key, kv.Value!.AsObject()));
        return new Workflow(name, root, jobs);
    }

    /// <summary>Steps of a composite action (action.yml).</summary>
    public static IReadOnlyList<Step> LoadActionSteps(string path) =>
        [.. Yaml.LoadFile(path)["runs"]!["steps"]!.AsArray().Select(s => ParseStep(s!.AsObject()))];

    private static Job ParseJob(string id, JsonObject node)
    {
        var needs = node["needs"] switch
        {
            null => [],
            JsonArray list => list.Select(n => (string)n!).ToList(),
            var single => [(string)single!],
        };
        return new Job(id, needs, Text(node["if"]), node["runs-on"], Text(node["uses"]),
            [.. (node["steps"]?.AsArray() ?? []).Select(s => ParseStep(s!.AsObject()))], node);
    }

    private static Step ParseStep(JsonObject node) =>
        new(Text(node["name"]), Text(node["id"]), Text(node["uses"]), Text(node["run"])?.Trim(), Text(node["if"]), node["with"] as JsonObject, Text(node["working-directory"]));

    private static string? Text(JsonNode? node) => node?.ToString();
}
