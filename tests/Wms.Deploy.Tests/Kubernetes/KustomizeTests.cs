using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Wms.Deploy.Tests.Kubernetes;

public sealed class KustomizeTests
{
    public static TheoryData<string> Overlays => RepoPaths.OverlayNames();

    [Fact]
    public void There_are_overlays_for_the_k3s_node_and_a_local_cluster()
    {
        Assert.Equal(["dev", "k3s"], Overlays.Select(row => row.Data));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_object_is_in_the_overlays_namespace_and_no_secret_is_committed(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var ns = (string)rendered.Single("Namespace")["metadata"]!["name"]!;
        Assert.All(rendered.Objects.Where(o => (string?)o["kind"] != "Namespace"),
            o => Assert.Equal(ns, (string?)o["metadata"]!["namespace"]));
        Assert.Empty(rendered.OfKind("Secret"));
        foreach (var kind in new[] { "Deployment", "Service", "ServiceMonitor", "PrometheusRule" })
            rendered.Single(kind);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_deployment_rolls_without_downtime_and_probes_readiness_on_ready(string overlay)
    {
        var deployment = Kustomize.Render(overlay).Single("Deployment");
        var strategy = deployment["spec"]!["strategy"]!;
        Assert.Equal("RollingUpdate", (string?)strategy["type"]);
        Assert.Equal(0, (int)strategy["rollingUpdate"]!["maxUnavailable"]!);
        Assert.True((int)strategy["rollingUpdate"]!["maxSurge"]! >= 1);

        var container = ModelApi(deployment);
        var port = Assert.Single(container["ports"]!.AsArray());
        Assert.Equal(8000, (int)port!["containerPort"]!);
        Assert.Equal("http", (string?)port["name"]);
        AssertHttpProbe(container["readinessProbe"], "/ready");
        AssertHttpProbe(container["livenessProbe"], "/health");
        AssertHttpProbe(container["startupProbe"], "/health");
        Assert.True((int)container["readinessProbe"]!["periodSeconds"]! <= 10, "readiness reacts within seconds");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_pod_runs_as_non_root_with_resources_and_drains_before_stopping(string overlay)
    {
        var deployment = Kustomize.Render(overlay).Single("Deployment");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var container = ModelApi(deployment);

        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.NotEqual(0, (int)pod["securityContext"]!["runAsUser"]!);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(n => (string?)n));

        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(container["resources"]![kind]!["memory"]);
            Assert.NotNull(container["resources"]![kind]!["cpu"]);
        }

        var sleep = container["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(n => n!.ToString()).ToList();
        Assert.Equal("sleep", sleep[0]);
        var drain = int.Parse(sleep[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(drain, 3, 30);
        // The drain sleep plus ASP.NET Core's 30 s shutdown must fit in the grace period.
        Assert.True((int)pod["terminationGracePeriodSeconds"]! >= drain + 30);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_image_is_pinned_to_a_tag_never_latest(string overlay)
    {
        var image = (string)ModelApi(Kustomize.Render(overlay).Single("Deployment"))["image"]!;
        var tag = image[(image.LastIndexOf(':') + 1)..];
        Assert.Contains(':', image);
        Assert.NotEqual("latest", tag);
        Assert.DoesNotContain("/", tag);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_model_source_comes_from_the_generated_config_map_and_the_api_key_from_a_secret(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var container = ModelApi(rendered.Single("Deployment"));
        var configMapName = (string)container["envFrom"]![0]!["configMapRef"]!["name"]!;
        var configMap = rendered.Single("ConfigMap", "wms-model-source-");
        Assert.Equal(configMapName, (string?)configMap["metadata"]!["name"]);
        var data = configMap["data"]!.AsObject();
        Assert.True(data.ContainsKey("MODEL_PATH") || (data.ContainsKey("MODEL_VERSION") && data.ContainsKey("MLFLOW_TRACKING_URI")),
            "the model comes from a file (MODEL_PATH) or from MLflow by alias (MODEL_VERSION + MLFLOW_TRACKING_URI)");

        var apiKey = Assert.Single(container["env"]!.AsArray(), e => (string?)e!["name"] == "Serving__ApiKey")!;
        Assert.Null(apiKey["value"]);
        Assert.Equal("wms-model-api-key", (string?)apiKey["valueFrom"]!["secretKeyRef"]!["name"]);
    }

    [Fact]
    public void On_the_k3s_node_the_model_comes_from_mlflow_on_the_node_by_the_production_alias()
    {
        var rendered = Kustomize.Render("k3s");
        Assert.Equal("production", (string?)rendered.Single("ConfigMap", "wms-model-source-")["data"]!["MODEL_VERSION"]);
        var env = ModelApi(rendered.Single("Deployment"))["env"]!.AsArray();
        Assert.Equal("status.hostIP", (string?)env.Single(e => (string?)e!["name"] == "NODE_IP")!["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("http://$(NODE_IP):5000", (string?)env.Single(e => (string?)e!["name"] == "MLFLOW_TRACKING_URI")!["value"]);
        // $(NODE_IP) expands only when NODE_IP comes first.
        Assert.True(IndexOf(env, "NODE_IP") < IndexOf(env, "MLFLOW_TRACKING_URI"));
    }

    [Theory]
    [InlineData("k3s", 30080)]
    [InlineData("dev", 30081)]
    public void The_service_exposes_port_8000_on_its_node_port(string overlay, int nodePort)
    {
        var rendered = Kustomize.Render(overlay);
        var service = rendered.Single("Service");
        var port = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        Assert.Equal("NodePort", (string?)service["spec"]!["type"]);
        Assert.Equal(nodePort, (int)port["nodePort"]!);
        Assert.Equal("http", (string?)port["targetPort"]);
        var podLabels = rendered.Single("Deployment")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), kv => Assert.Equal((string?)kv.Value, (string?)podLabels[kv.Key]));
    }

    [Theory]
    [InlineData("k3s", "kube-prometheus-stack")]
    [InlineData("dev", "monitoring")]
    public void The_service_monitor_scrapes_metrics_on_the_http_port_with_a_settable_release_label(string overlay, string release)
    {
        var rendered = Kustomize.Render(overlay);
        var monitor = rendered.Single("ServiceMonitor");
        var service = rendered.Single("Service");
        Assert.Equal(release, (string?)monitor["metadata"]!["labels"]!["release"]);
        Assert.Equal(release, (string?)rendered.Single("PrometheusRule")["metadata"]!["labels"]!["release"]);

        var serviceLabels = service["metadata"]!["labels"]!.AsObject();
        Assert.All(monitor["spec"]!["selector"]!["matchLabels"]!.AsObject(), kv => Assert.Equal((string?)kv.Value, (string?)serviceLabels[kv.Key]));
        var endpoint = Assert.Single(monitor["spec"]!["endpoints"]!.AsArray())!;
        Assert.Equal("http", (string?)endpoint["port"]);
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => (string?)p!["name"] == "http");
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        Assert.True(Seconds(endpoint["scrapeTimeout"]!) <= Seconds(endpoint["interval"]!));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_dashboard_config_map_embeds_the_dashboard_json_for_the_grafana_sidecar(string overlay)
    {
        var configMap = Kustomize.Render(overlay).Single("ConfigMap", "wms-model-dashboard");
        Assert.Equal("wms-model-dashboard", (string?)configMap["metadata"]!["name"]);
        Assert.Equal("1", (string?)configMap["metadata"]!["labels"]!["grafana_dashboard"]);
        var json = (string)configMap["data"]!["wms-model.json"]!;
        Assert.True(json.Length < 1024 * 1024, "a ConfigMap holds at most 1 MiB");
        using var dashboard = JsonDocument.Parse(json);
        Assert.Equal("wms-model-dashboard", dashboard.RootElement.GetProperty("uid").GetString());
        Assert.Equal(File.ReadAllText(RepoPaths.Dashboard), json);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_prometheus_rule_has_the_four_alerts(string overlay)
    {
        var rule = Kustomize.Render(overlay).Single("PrometheusRule");
        var rules = rule["spec"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).ToDictionary(r => (string)r!["alert"]!, r => r!);

        Assert.Contains("histogram_quantile(0.95", Expr(rules["WmsPredictLatencyHigh"]));
        Assert.Contains("wms_predict_latency_seconds_bucket", Expr(rules["WmsPredictLatencyHigh"]));
        Assert.EndsWith("> 1", Expr(rules["WmsPredictLatencyHigh"]));
        Assert.Equal("10m", (string?)rules["WmsPredictLatencyHigh"]["for"]);
        Assert.Contains("wms_predictions_total", Expr(rules["WmsPredictErrorRatioHigh"]));
        Assert.EndsWith("> 0.01", Expr(rules["WmsPredictErrorRatioHigh"]));
        Assert.Equal("wms_model_loaded == 0", Expr(rules["WmsModelNotLoaded"]));
        Assert.Contains("absent(wms_model_info", Expr(rules["WmsModelInfoMissing"]));
        Assert.All(rules.Values, r => Assert.NotNull(r["labels"]!["severity"]));
    }

    private static string Expr(JsonNode rule) => string.Join(' ', ((string)rule["expr"]!).Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static JsonNode ModelApi(JsonObject deployment) =>
        Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray(), c => (string?)c!["name"] == "model-api")!;

    private static void AssertHttpProbe(JsonNode? probe, string path)
    {
        Assert.NotNull(probe);
        Assert.Equal(path, (string?)probe["httpGet"]!["path"]);
        Assert.Equal("http", (string?)probe["httpGet"]!["port"]);
    }

    private static int IndexOf(JsonArray env, string name) => env.Select((e, i) => (e, i)).Single(x => (string?)x.e!["name"] == name).i;

    private static int Seconds(JsonNode duration) => int.Parse(((string)duration!).TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
}
