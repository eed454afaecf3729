using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Deploy.Tests.Kubernetes;

/// <summary>Renders an overlay with `kubectl kustomize` (the real kustomize, v5 in kubectl ≥ 1.27), once per test run.</summary>
public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<Rendered>> Cache = new();

    public static Rendered Render(string overlay)
    {
        var kubectl = PrometheusServer.FindTool("kubectl");
        if (kubectl is null)
            Assert.Skip("needs kubectl (with its built-in kustomize) on PATH to render deploy/k8s overlays");
        return Cache.GetOrAdd(overlay, name => new Lazy<Rendered>(() =>
        {
            var (code, stdout, stderr) = TestEnvironment.Run(kubectl, ["kustomize", Path.Combine(RepoPaths.Overlays, name)], TimeSpan.FromMinutes(2));
            Assert.True(code == 0, $"kubectl kustomize overlays/{name} failed: {stderr}");
            return new Rendered(stdout, [.. Yaml.LoadAll(stdout).Cast<JsonObject>()]);
        })).Value;
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
