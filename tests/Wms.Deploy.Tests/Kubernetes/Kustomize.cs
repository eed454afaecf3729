using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Deploy.Tests.Kubernetes;

/// <summary>Renders an overlay with `kubectl kustomize` (the real kustomize, v5 in kubectl ≥ 1.27), once per test run.</summary>
public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<Rendered>> Cache = new();

    private static readonly Lazy<string?> Kubectl = new(FindModernKubectl);

    public static Rendered Render(string overlay)
    {
        var kubectl = Kubectl.Value;
        if (kubectl is null)
            Assert.Skip("needs kubectl >= 1.27 on PATH (built-in kustomize v5) to render deploy/k8s overlays; "
                + "Debian 12's kubernetes-client 1.20 carries kustomize v2, too old for these kustomizations");
        return Cache.GetOrAdd(overlay, name => new Lazy<Rendered>(() =>
        {
            var (code, stdout, stderr) = TestEnvironment.Run(kubectl, ["kustomize", Path.Combine(RepoPaths.Overlays, name)], TimeSpan.FromMinutes(2));
            Assert.True(code == 0, $"kubectl kustomize overlays/{name} failed: {stderr}");
            return new Rendered(stdout, [.. Yaml.LoadAll(stdout).Cast<JsonObject>()]);
        })).Value;
    }

    private static string? FindModernKubectl()
    {
        var kubectl = PrometheusServer.FindTool("kubectl");
        if (kubectl is null) return null;
        var (code, stdout, _) = TestEnvironment.Run(kubectl, ["version", "--client"], TimeSpan.FromMinutes(1));
        var match = System.Text.RegularExpressions.Regex.Match(stdout, @"Kustomize Version: v(\d+)\.");
        return code == 0 && match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 5 ? kubectl : null;
    }
}

/// <summary>An overlay's rendered objects and the raw text.</summary>
public sealed record Rendered(string Text, IReadOnlyList<JsonObject> Objects)
{
    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind) => Assert.Single(OfKind(kind));

    public JsonObject Single(string kind, string namePrefix) =>
        Assert.Single(OfKind(kind), o => ((string?)o["metadata"]!["name"] ?? "").StartsWith(namePrefix, StringComparison.Ordinal));
}
