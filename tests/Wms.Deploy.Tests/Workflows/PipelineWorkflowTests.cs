using Xunit;

namespace Wms.Deploy.Tests.Workflows;

/// <summary>training-data-pipeline.yml: the original's 8 jobs, their graph and conditions, played through every outcome.</summary>
public sealed class PipelineWorkflowTests
{
    private static readonly Workflow Pipeline = Workflow.Load("training-data-pipeline.yml");
    private const string StopInfra = "stop-infra", StopAfterDeploy = "stop-after-deploy";

    [Fact]
    public void It_has_the_originals_eight_jobs_and_their_needs()
    {
        Assert.Equal(
            ["merge-and-validate", "start-infra", "train", "stop-infra", "deploy", "stop-after-deploy", "create-pr", "auto-merge"],
            Pipeline.Jobs.Keys);
        AssertNeeds("start-infra", "merge-and-validate");
        AssertNeeds("train", "merge-and-validate", "start-infra");
        AssertNeeds(StopInfra, "start-infra", "train");
        AssertNeeds("deploy", "train");
        AssertNeeds(StopAfterDeploy, "start-infra", "train", "deploy");
        AssertNeeds("create-pr", "merge-and-validate", "train");
        AssertNeeds("auto-merge", "create-pr");
        Assert.Equal(8, WorkflowRun.TopologicalOrder(Pipeline).Count);
    }

    [Fact]
    public void It_runs_on_pushes_to_data_branches_one_run_per_branch_without_cancelling()
    {
        Assert.Equal(["data/**"], Pipeline.On["push"]!["branches"]!.AsArray().Select(b => (string?)b));
        var concurrency = Pipeline.Root["concurrency"]!;
        Assert.Contains("github.ref", (string)concurrency["group"]!);
        // Cancelling would kill a run that holds the machine, before its stop job.
        Assert.False((bool)concurrency["cancel-in-progress"]!);
    }

    [Fact]
    public void The_train_job_gates_and_exposes_the_metrics_the_other_jobs_use()
    {
        var train = Pipeline.Jobs["train"];
        var outputs = train.Node["outputs"]!.AsObject().Select(kv => kv.Key).ToList();
        foreach (var name in new[] { "improved", "dice", "iou", "baseline_dice", "baseline_iou", "run_id", "model_version" })
            Assert.Contains(name, outputs);
        Assert.Contains("self-hosted", train.RunsOn!.ToJsonString());

        var commands = train.RunCommands.ToList();
        var trainAt = commands.FindIndex(c => c.StartsWith("wms train ", StringComparison.Ordinal));
        var gateAt = commands.FindIndex(c => c.StartsWith("wms gate ", StringComparison.Ordinal));
        var promoteAt = commands.FindIndex(c => c.StartsWith("wms promote ", StringComparison.Ordinal));
        Assert.True(0 <= trainAt && trainAt < gateAt && gateAt < promoteAt, string.Join("\n", commands));
        Assert.Contains("--seed ${{ github.run_number }}", commands[trainAt]);
        // Exit 4 (not improved) is an outcome; any other failure still fails the job.
        Assert.EndsWith("|| [ $? -eq 4 ]", commands[gateAt]);
        Assert.Equal("steps.gate.outputs.improved == 'true'", train.Steps.Single(s => s.Id == "promote").If);
    }

    [Fact]
    public void Every_run_of_the_machine_is_leased_by_the_run_id()
    {
        Assert.Equal("${{ github.run_id }}", (string?)Pipeline.Root["env"]!["LEASE"]);
        var infra = Pipeline.Jobs.Values.SelectMany(j => j.RunCommands.Select(c => (j.Id, c))).Where(x => x.c.StartsWith("wms infra", StringComparison.Ordinal)).ToList();
        Assert.Equal([("start-infra", "start"), (StopInfra, "stop"), (StopAfterDeploy, "stop")], infra.Select(x => (x.Id, x.c.Split(' ')[2])));
        Assert.All(infra, x => Assert.Contains("--lease \"$LEASE\"", x.c));
        Assert.DoesNotContain(infra, x => x.c.Contains("--force", StringComparison.Ordinal));
    }

    public static TheoryData<string> Scenarios => [.. PipelineScenarios.All.Keys];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Whatever_happens_the_lease_is_released_exactly_once_and_only_an_improved_model_ships(string name)
    {
        var scenario = PipelineScenarios.All[name];
        var ran = WorkflowRun.Play(Pipeline, scenario);
        bool Ran(string job) => ran[job] != "skipped";

        var improved = scenario.Outputs?.GetValueOrDefault("train")?.GetValueOrDefault("improved") == "true" && ran["train"] == "success";
        if (Ran("start-infra"))
            Assert.True(Ran(StopInfra) ^ Ran(StopAfterDeploy), $"{name}: exactly one stop job must run ({string.Join(", ", ran)})");
        else
            Assert.False(Ran(StopInfra) || Ran(StopAfterDeploy), $"{name}: no lease was taken, nothing to stop");
        Assert.Equal(improved, Ran("deploy"));
        Assert.Equal(improved, Ran("create-pr"));
        Assert.Equal(improved && ran["create-pr"] == "success", Ran("auto-merge"));
        if (ran["merge-and-validate"] != "success")
            Assert.All(ran.Where(kv => kv.Key != "merge-and-validate"), kv => Assert.Equal("skipped", kv.Value));
        if (Ran(StopAfterDeploy))
            Assert.NotEqual("skipped", ran["deploy"]);
    }

    [Fact]
    public void The_pull_request_carries_a_metrics_table()
    {
        var pr = Pipeline.Jobs["create-pr"].Steps.Single(s => s.Id == "pr");
        Assert.StartsWith("peter-evans/create-pull-request@", pr.Uses);
        var body = (string)pr.With!["body"]!;
        Assert.Contains("| Metric | New model | Production before |", body);
        Assert.Contains("| Dice | ${{ needs.train.outputs.dice }} | ${{ needs.train.outputs.baseline_dice }} |", body);
        Assert.Contains("| IoU | ${{ needs.train.outputs.iou }} | ${{ needs.train.outputs.baseline_iou }} |", body);
        Assert.Equal("${{ needs.create-pr.outputs.pull_request_number }}", (string?)Pipeline.Jobs["auto-merge"].Steps.Single().With!["pull-request-number"]);
    }

    [Fact]
    public void A_failed_validation_is_commented_on_the_commit()
    {
        var comment = Pipeline.Jobs["merge-and-validate"].Steps.Single(s => s.Uses?.StartsWith("peter-evans/commit-comment@", StringComparison.Ordinal) == true);
        Assert.Equal("failure() && steps.validate.outcome == 'failure'", comment.If);
        Assert.Equal("qa-report.md", (string?)comment.With!["body-path"]);
        Assert.Equal("write", (string?)Pipeline.Jobs["merge-and-validate"].Node["permissions"]!["contents"]);
    }

    [Fact]
    public void Deploy_calls_the_deploy_workflow_with_the_promoted_model_version()
    {
        var deploy = Pipeline.Jobs["deploy"];
        Assert.Equal("./.github/workflows/deploy.yml", deploy.Uses);
        Assert.Equal("${{ needs.train.outputs.model_version }}", (string?)deploy.Node["with"]!["model_version"]);
        var called = Workflow.Load("deploy.yml");
        Assert.True((bool)called.On["workflow_call"]!["inputs"]!["model_version"]!["required"]!);
    }

    private static void AssertNeeds(string job, params string[] needs) => Assert.Equal(needs.Order(), Pipeline.Jobs[job].Needs.Order());
}
