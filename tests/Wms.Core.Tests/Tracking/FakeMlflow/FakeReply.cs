using System.Text.Json.Nodes;

namespace Wms.Core.Tests.Tracking.FakeMlflow;

/// <summary>One answer of the fake server.</summary>
internal sealed record FakeReply(int Status, string Text, string ContentType, byte[]? Bytes = null, Dictionary<string, string>? Headers = null)
{
    public static FakeReply Json(JsonNode node, int status = 200) => new(status, node.ToJsonString(), "application/json");
    public static FakeReply Empty() => new(200, "{}", "application/json");
    public static FakeReply Plain(int status, string text, Dictionary<string, string>? headers = null) => new(status, text, "text/plain; charset=utf-8", null, headers);
    public static FakeReply Html(int status, string html) => new(status, html, "text/html; charset=utf-8");
    public static FakeReply Binary(byte[] bytes, string fileName) =>
        new(200, "", "application/octet-stream", bytes, new() { ["Content-Disposition"] = $"attachment; filename={fileName}" });
    public static FakeReply Error(int status, string code, string message, Dictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error_code"] = code, ["message"] = message }.ToJsonString(), "application/json", null, headers);
}
