using System.Text.Json.Nodes;

namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed partial class FakeMlflowServer
{
    private FakeReply HandleArtifactProxy(string method, string path, string listPath, byte[] body)
    {
        path = Uri.UnescapeDataString(path);
        switch (method)
        {
            case "GET" when path.Length == 0:
                return FakeReply.Json(ListJson(listPath.Trim('/'), relativeTo: listPath.Trim('/')));
            case "GET":
                if (State.Artifacts.TryGetValue(path, out var bytes)) return FakeReply.Binary(bytes, path[(path.LastIndexOf('/') + 1)..]);
                var reason = State.Artifacts.Keys.Any(k => k.StartsWith(path + "/", StringComparison.Ordinal))
                    ? $"[Errno 21] Is a directory: '<artifacts-root>/{path}'"
                    : $"[Errno 2] No such file or directory: '<artifacts-root>/{path}'";
                // MLflow 2.17 answers a missing artifact with 500, not 404.
                return FakeReply.Error(500, "INTERNAL_ERROR",
                    $"The following failures occurred while downloading one or more artifacts from <artifacts-root>:\n##### File {path} #####\n{reason}");
            case "PUT":
                State.Artifacts[path] = body;
                return FakeReply.Empty();
            case "DELETE":
                State.Artifacts.Remove(path);
                return FakeReply.Empty();
            default:
                return FakeReply.Html(405, "<!doctype html>\n<title>405 Method Not Allowed</title>");
        }
    }

    /// <summary>The direct children of a folder; paths relative to <paramref name="relativeTo"/>; "files" left out when empty.</summary>
    private JsonObject ListJson(string directory, string relativeTo)
    {
        var prefix = directory.Length == 0 ? "" : directory + "/";
        var children = new SortedDictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (key, bytes) in State.Artifacts)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key[prefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash < 0) children[rest] = bytes.Length;
            else children[rest[..slash]] = null;
        }
        var response = new JsonObject();
        if (children.Count > 0)
        {
            var baseDir = directory.Length > relativeTo.Length ? directory[(relativeTo.Length == 0 ? 0 : relativeTo.Length + 1)..] + "/" : "";
            response["files"] = new JsonArray(children.Select(c =>
            {
                var entry = new JsonObject { ["path"] = baseDir + c.Key, ["is_dir"] = c.Value is null };
                if (c.Value is { } size) entry["file_size"] = size;
                return (JsonNode)entry;
            }).ToArray());
        }
        return response;
    }

    private FakeReply ListRunArtifacts(JsonObject args)
    {
        var run = Run(Required(args, "run_id"));
        var root = $"{run.ExperimentId}/{run.RunId}/artifacts";
        var relative = (Optional(args, "path") ?? "").Trim('/');
        var listing = ListJson(relative.Length == 0 ? root : root + "/" + relative, root);
        var response = new JsonObject { ["root_uri"] = run.ArtifactUri };
        if (listing["files"] is { } files) response["files"] = files.DeepClone();
        return FakeReply.Json(response);
    }
}
