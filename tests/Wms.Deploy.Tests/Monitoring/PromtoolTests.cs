using Wms.Tests.Shared;
using Xunit;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>promtool on the alert rules: syntax and semantics, then unit tests with synthetic series.</summary>
public sealed class PromtoolTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-promtool");

    public void Dispose() => _temp.Dispose();

    private (int Code, string Output) Promtool(params string[] args)
    {
        var promtool = PrometheusServer.RequireTool("promtool");
        var (code, stdout, stderr) = TestEnvironment.Run(promtool, args, TimeSpan.FromMinutes(2), _temp.Path);
        return (code, stdout + stderr);
    }

    private string RulesFile()
    {
        var path = _temp.Combine("wms-rules.yaml");
        AlertRules.WriteRulesFile(RepoPaths.PrometheusRule, path);
        return path;
    }

    [Fact]
    public void Check_rules_passes_on_the_prometheus_rule_groups()
    {
        var rules = RulesFile();
        var (code, output) = Promtool("check", "rules", rules);
        Assert.True(code == 0, output);
        Assert.Contains($"SUCCESS: {AlertRules.Load(RepoPaths.PrometheusRule).Count} rules found", output);
    }

    [Fact]
    public void Check_rules_fails_on_a_broken_rule_so_the_check_means_something()
    {
        var rules = RulesFile();
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("wms_model_loaded == 0", "wms_model_loaded ==", StringComparison.Ordinal));
        var (code, _) = Promtool("check", "rules", rules);
        Assert.NotEqual(0, code);
    }

    [Fact]
    public void The_alerts_fire_when_they_should_and_not_before_their_for_duration()
    {
        RulesFile();
        var tests = _temp.Combine("wms-alerts.promtest.yaml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Monitoring", "wms-alerts.promtest.yaml"), tests);
        var (code, output) = Promtool("test", "rules", tests);
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }
}
