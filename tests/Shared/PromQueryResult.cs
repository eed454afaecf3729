using System.Text.Json;

namespace Wms.Tests.Shared;

/// <summary>One answer of Prometheus's <c>/api/v1/query</c>: success with a result, or an error and its type.</summary>
public sealed record PromQueryResult(string Expression, string Status, string? ErrorType, string? Error, string? ResultType, JsonElement? Result)
{
    public bool IsSuccess => Status == "success";

    /// <summary>PromQL that does not parse or type-check (Prometheus answers 400 bad_data).</summary>
    public bool IsParseError => ErrorType == "bad_data";

    /// <summary>Series in a vector or matrix result; 1 for a scalar; 0 otherwise.</summary>
    public int SeriesCount => Result is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength()
        : ResultType == "scalar" ? 1 : 0;

    /// <summary>The numbers of a vector result (one per series).</summary>
    public IReadOnlyList<double> Values => Result is { ValueKind: JsonValueKind.Array } array && ResultType == "vector"
        ? [.. array.EnumerateArray().Select(s => double.Parse(s.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture))]
        : [];

    public static PromQueryResult Parse(string expression, string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
        var data = root.TryGetProperty("data", out var d) ? d : default;
        return new PromQueryResult(expression, Text(root, "status") ?? "",
            Text(root, "errorType"), Text(root, "error"),
            data.ValueKind == JsonValueKind.Object ? Text(data, "resultType") : null,
            data.ValueKind == JsonValueKind.Object && data.TryGetProperty("result", out var r) ? r.Clone() : null);
    }

    public override string ToString() => IsSuccess ? $"{Expression} -> {ResultType}, {SeriesCount} series" : $"{Expression} -> {ErrorType}: {Error}";
}
