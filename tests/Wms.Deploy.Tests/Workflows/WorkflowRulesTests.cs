using System.Text.RegularExpressions;
using Xunit;

namespace Wms.Deploy.Tests.Workflows;

/// <summary>Rules every workflow keeps: the work is done by `wms`, secrets come from GitHub, images are pinned.</summary>
public sealed partial class WorkflowRulesTests
{
    public static TheoryData<string> Files => ["training-data-pipeline.yml", "ci.yml", "deploy.yml", "infra.yml"];

    /// <summary>Tools other than wms that a workflow may run, each for plumbing wms does not do.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["training-data-pipeline.yml"] = ["wms"],
        ["infra.yml"] = ["wms"],
        ["deploy.yml"] = ["wms", "kustomize", "kubectl"],
        ["ci.yml"] = ["dotnet", "sudo"],
    };

    [Fact]
    public void The_four_workflows_exist()
    {
        Assert.Equal(Files.Select(f => f.Data).Order(), Directory.GetFiles(RepoPaths.Workflows, "*.yml").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Run_steps_are_single_commands_of_wms_or_allowed_plumbing_no_inline_scripts(string file)
    {
        var workflow = Workflow.Load(file);
        foreach (var job in workflow.Jobs.Values)
        {
            foreach (var command in job.RunCommands)
            {
                Assert.DoesNotContain('\n', command);
                Assert.Contains(command.Split(' ')[0], Allowed[file]);
                // GitHub evaluates ${{ }} before the shell runs; the gate's exit-code mapping is the one shell construct allowed.
                var shellSees = GitHubExpressions().Replace(command, "X").Replace("|| [ $? -eq 4 ]", "", StringComparison.Ordinal);
                Assert.False(ShellLogic().IsMatch(shellSees), $"{file} {job.Id}: shell logic in '{command}'");
            }
            if (file != "ci.yml" && job.RunCommands.Any())
                Assert.Contains(job.RunCommands, c => c.StartsWith("wms ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Ci_restores_builds_and_tests()
    {
        var commands = Workflow.Load("ci.yml").Jobs.Values.SelectMany(j => j.RunCommands).ToList();
        Assert.Contains("dotnet restore", commands);
        Assert.Contains("dotnet build --no-restore", commands);
        Assert.Contains("dotnet test --no-build", commands);
        var on = Workflow.Load("ci.yml").On;
        Assert.True(on.AsObject().ContainsKey("pull_request"));
        Assert.Equal(["main"], on["push"]!["branches"]!.AsArray().Select(b => (string?)b));
    }

    [Fact]
    public void Wms_is_published_from_the_repository_onto_path_by_one_shared_action()
    {
        var steps = Workflow.LoadActionSteps(Path.Combine(RepoPaths.Root, ".github", "actions", "setup-wms", "action.yml"));
        Assert.Contains(steps, s => s.Run?.StartsWith("dotnet publish src/Wms.Cli/Wms.Cli.csproj", StringComparison.Ordinal) == true);
        Assert.Contains(steps, s => s.Run?.Contains("GITHUB_PATH", StringComparison.Ordinal) == true);
        foreach (var file in new[] { "training-data-pipeline.yml", "deploy.yml", "infra.yml" })
            foreach (var job in Workflow.Load(file).Jobs.Values.Where(j => j.RunCommands.Any(c => c.StartsWith("wms ", StringComparison.Ordinal))))
                Assert.Contains(job.Steps, s => s.Uses == "./.github/actions/setup-wms");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Credentials_come_from_github_secrets_never_from_the_file(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Workflows, file));
        Assert.False(AwsKey().IsMatch(text), "an AWS access key id in the workflow");
        foreach (var job in Workflow.Load(file).Jobs.Values)
            foreach (var step in job.Steps.Where(s => s.With is not null))
                foreach (var (key, value) in step.With!)
                    if (key is "role-to-assume" or "password" or "token" or "aws-secret-access-key" or "aws-access-key-id")
                        Assert.Matches(@"^\$\{\{ secrets\.\w+ \}\}$", value!.ToString());
    }

    [Fact]
    public void Deploy_tags_the_image_with_the_commit_and_the_model_version_never_only_latest()
    {
        var deploy = Workflow.Load("deploy.yml");
        var meta = deploy.Jobs["image"].Steps.Single(s => s.Id == "meta").With!;
        var tags = ((string)meta["tags"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("type=raw,value=${{ github.sha }}-model-v${{ inputs.model_version }}", tags[0]);
        Assert.DoesNotContain(tags, t => t.Contains("latest", StringComparison.Ordinal));
        Assert.Equal("latest=false", (string?)meta["flavor"]);
        Assert.Equal("${{ fromJSON(steps.meta.outputs.json).tags[0] }}", (string?)deploy.Jobs["image"].Node["outputs"]!["image"]);
        var build = deploy.Jobs["image"].Steps.Single(s => s.Uses?.StartsWith("docker/build-push-action@", StringComparison.Ordinal) == true).With!;
        Assert.Equal("deploy/docker/Dockerfile.serving", (string?)build["file"]);
    }

    [Fact]
    public void Deploy_rolls_out_the_pinned_image_with_kustomize_and_smoke_tests_it()
    {
        var rollout = Workflow.Load("deploy.yml").Jobs["rollout"];
        Assert.Equal(["image"], rollout.Needs);
        var commands = rollout.RunCommands.ToList();
        Assert.Equal("kustomize edit set image wms-model-api=${{ needs.image.outputs.image }}", commands[0]);
        Assert.Equal("deploy/k8s/overlays/k3s", rollout.Steps.Single(s => s.Run == commands[0]).WorkingDirectory);
        Assert.Equal("kubectl apply -k deploy/k8s/overlays/k3s", commands[1]);
        Assert.StartsWith("kubectl -n wms rollout status deployment/wms-model-api", commands[2]);
        Assert.StartsWith("wms deploy smoke --url http://127.0.0.1:30080", commands[3]);
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Overlays, "k3s")));
    }

    public static TheoryData<string, string, string> InfraDispatches => new()
    {
        { "workflow_dispatch", "start", "start" },
        { "workflow_dispatch", "stop", "stop" },
        { "workflow_dispatch", "status", "status" },
        { "schedule", "", "stop-idle" },
    };

    [Theory]
    [MemberData(nameof(InfraDispatches))]
    public void Infra_runs_exactly_the_job_asked_for(string eventName, string action, string job)
    {
        var infra = Workflow.Load("infra.yml");
        var ran = WorkflowRun.Play(infra, new Scenario(job, Context: new Dictionary<string, object?>
        {
            ["github.event_name"] = eventName,
            ["inputs.action"] = action,
        }));
        Assert.Equal([job], ran.Where(kv => kv.Value != "skipped").Select(kv => kv.Key));
        Assert.Equal(["start", "stop", "status"], infra.On["workflow_dispatch"]!["inputs"]!["action"]!["options"]!.AsArray().Select(o => (string?)o));
        Assert.Contains(infra.Jobs[job].RunCommands, c => c.StartsWith("wms infra " + (job == "stop-idle" ? "stop" : job), StringComparison.Ordinal));
    }

    [Fact]
    public void The_idle_stop_releases_nobody_elses_lease()
    {
        Assert.Equal("wms infra stop", Workflow.Load("infra.yml").Jobs["stop-idle"].RunCommands.Single());
    }

    [GeneratedRegex(@"&&|\|\||;|\|(?!\|)|`|\$\(|\bif\b|\bfor\b|\bwhile\b")]
    private static partial Regex ShellLogic();

    [GeneratedRegex(@"\$\{\{.*?\}\}")]
    private static partial Regex GitHubExpressions();

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();
}
