using Xunit;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>Every PromQL expression of the dashboard and the alert rules, parsed by a real Prometheus.</summary>
public sealed class PromQlTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> DashboardExpressions()
    {
        var dashboard = GrafanaDashboard.Load(RepoPaths.Dashboard);
        var data = new TheoryData<string>();
        foreach (var query in dashboard.Queries) data.Add(dashboard.Expand(query.Expression));
        foreach (var variable in dashboard.Variables.Where(v => (string?)v["type"] == "query"))
        {
            // label_values(metric, label) is Grafana's, not PromQL: the metric selector inside is.
            var definition = (string)variable["definition"]!;
            data.Add(definition[(definition.IndexOf('(') + 1)..definition.LastIndexOf(',')]);
        }
        return data;
    }

    public static TheoryData<string> RuleExpressions()
    {
        var data = new TheoryData<string>();
        foreach (var rule in AlertRules.Load(RepoPaths.PrometheusRule)) data.Add(rule.Expression);
        return data;
    }

    [Fact]
    public async Task The_check_itself_tells_bad_promql_from_good()
    {
        var server = prometheus.Require();
        Assert.True((await server.QueryAsync("sum(rate(wms_predictions_total[5m])", Ct)).IsParseError);
        Assert.True((await server.QueryAsync("rate(wms_predictions_total)", Ct)).IsParseError, "a type error is bad_data too");
        Assert.True((await server.QueryAsync("sum(rate(wms_predictions_total[5m]))", Ct)).IsSuccess);
    }

    [Theory]
    [MemberData(nameof(DashboardExpressions))]
    public async Task Every_dashboard_expression_parses(string expression)
    {
        var result = await prometheus.Require().QueryAsync(expression, Ct);
        Assert.True(result.IsSuccess, result.ToString());
    }

    [Theory]
    [MemberData(nameof(RuleExpressions))]
    public async Task Every_alert_expression_parses(string expression)
    {
        var result = await prometheus.Require().QueryAsync(expression, Ct);
        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public void Grafana_variables_are_all_expanded()
    {
        var dashboard = GrafanaDashboard.Load(RepoPaths.Dashboard);
        Assert.All(dashboard.Queries, q => Assert.DoesNotContain("$", dashboard.Expand(q.Expression)));
    }
}
