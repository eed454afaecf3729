namespace Wms.Deploy.Tests.Workflows;

/// <summary>What happens in a scenario: each job that runs ends with a result and outputs.</summary>
public sealed record Scenario(
    string Name,
    IReadOnlyDictionary<string, string>? Results = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Outputs = null,
    bool Cancelled = false,
    IReadOnlyDictionary<string, object?>? Context = null);

/// <summary>
/// Plays a workflow's job graph the way GitHub does: in dependency order, a job runs when its `if`
/// holds (with success() implied when the condition names no status function), otherwise it is
/// skipped; a job's result and outputs come from the scenario.
/// </summary>
public static class WorkflowRun
{
    public static IReadOnlyDictionary<string, string> Play(Workflow workflow, Scenario scenario)
    {
        var results = new Dictionary<string, string>();
        var outputs = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var job in TopologicalOrder(workflow))
        {
            var needs = job.Needs;
            bool Status(string function) => function switch
            {
                "always" => true,
                "success" => !scenario.Cancelled && needs.All(n => results[n] == "success"),
                "failure" => needs.Any(n => results[n] == "failure"),
                "cancelled" => scenario.Cancelled,
                _ => throw new FormatException($"unknown function {function}() in {job.Id}"),
            };
            object? Context(string path)
            {
                var parts = path.Split('.');
                if (parts is ["needs", var id, "result"]) return needs.Contains(id) ? results[id] : throw new FormatException($"{job.Id} reads needs.{id} without needing it");
                if (parts is ["needs", var jobId, "outputs", var name])
                {
                    if (!needs.Contains(jobId)) throw new FormatException($"{job.Id} reads needs.{jobId} without needing it");
                    return outputs.TryGetValue(jobId, out var o) && o.TryGetValue(name, out var v) ? v : "";
                }
                return scenario.Context?.GetValueOrDefault(path);
            }

            var condition = job.If ?? "success()";
            if (!GitHubExpression.HasStatusFunction(condition)) condition = $"success() && ({condition})";
            var runs = GitHubExpression.IsTruthy(GitHubExpression.Evaluate(condition, Context, Status));
            results[job.Id] = runs ? scenario.Results?.GetValueOrDefault(job.Id) ?? "success" : "skipped";
            outputs[job.Id] = runs && scenario.Outputs?.GetValueOrDefault(job.Id) is { } o ? o : new Dictionary<string, string>();
        }
        return results;
    }

    public static IReadOnlyList<Job> TopologicalOrder(Workflow workflow)
    {
        var order = new List<Job>();
        var state = new Dictionary<string, int>();
        void Visit(string id, Stack<string> path)
        {
            if (!workflow.Jobs.TryGetValue(id, out var job)) throw new InvalidOperationException($"{workflow.File}: needs '{id}', which is not a job");
            if (state.GetValueOrDefault(id) == 2) return;
            if (state.GetValueOrDefault(id) == 1) throw new InvalidOperationException($"{workflow.File}: cycle {string.Join(" -> ", path.Reverse())} -> {id}");
            state[id] = 1;
            path.Push(id);
            foreach (var need in job.Needs) Visit(need, path);
            path.Pop();
            state[id] = 2;
            order.Add(job);
        }
        foreach (var id in workflow.Jobs.Keys) Visit(id, new Stack<string>());
        return order;
    }
}
