using Wms.Tests.Shared;
using Xunit;

namespace Wms.Deploy.Tests;

/// <summary>Where the files under test live in the repository.</summary>
public static class RepoPaths
{
    public static string Root => TestEnvironment.RepositoryRoot;
    public static string K8s => Path.Combine(Root, "deploy", "k8s");
    public static string Overlays => Path.Combine(K8s, "overlays");
    public static string Dashboard => Path.Combine(K8s, "dashboards", "wms-model.json");
    public static string PrometheusRule => Path.Combine(K8s, "base", "prometheusrule.yaml");
    public static string MonitoringValues => Path.Combine(K8s, "monitoring", "kube-prometheus-stack-values.yaml");
    public static string Docker => Path.Combine(Root, "deploy", "docker");
    public static string Workflows => Path.Combine(Root, ".github", "workflows");

    /// <summary>Every kustomize overlay (a folder under deploy/k8s/overlays).</summary>
    public static TheoryData<string> OverlayNames()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Overlays).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }
}
