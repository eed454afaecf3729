using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

/// <summary>
/// The final answer to one MLflow call, after retries: a success body, an error the caller may
/// expect (RESOURCE_ALREADY_EXISTS, a missing alias), or <see cref="AlreadyDone"/> when a create
/// with an unclear outcome turned out to have taken effect.
/// </summary>
internal sealed class MlflowReply(string server, string operation, int status, string body, bool alreadyDone = false)
{
    public string Server { get; } = server;
    public string Operation { get; } = operation;
    public int Status { get; } = status;
    public string Body { get; } = body;
    public bool AlreadyDone { get; } = alreadyDone;
    public bool IsSuccess => Status is >= 200 and < 300;

    public ErrorResponse? Error => IsSuccess ? null : ParseError(Body);

    public bool HasError(string errorCode) => Error?.ErrorCode == errorCode;

    public bool IsNotFound => !IsSuccess && (Status == 404 || HasError("RESOURCE_DOES_NOT_EXIST"));

    public T Read<T>(JsonTypeInfo<T> typeInfo)
    {
        EnsureSuccess();
        try
        {
            return JsonSerializer.Deserialize(Body, typeInfo)
                ?? throw new WmsException($"MLflow at {Server} answered {Operation} with an empty body", WmsErrorKind.DependencyUnavailable);
        }
        catch (JsonException e)
        {
            throw new WmsException($"MLflow at {Server} answered {Operation} with JSON wms cannot read: {e.Message}", WmsErrorKind.DependencyUnavailable, e);
        }
    }

    public void EnsureSuccess()
    {
        if (!IsSuccess) throw ToException();
    }

    /// <summary>The error as a one-line <see cref="WmsException"/> of the matching kind.</summary>
    public WmsException ToException()
    {
        var error = Error;
        var message = FirstLine(error?.Message ?? Body);
        return (Status, error?.ErrorCode) switch
        {
            (401, _) => new WmsException($"MLflow at {Server} refused {Operation}: not authenticated (401); set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN", WmsErrorKind.DependencyUnavailable),
            (403, _) => new WmsException($"MLflow at {Server} refused {Operation}: permission denied (403) for this user", WmsErrorKind.DependencyUnavailable),
            (_, "RESOURCE_DOES_NOT_EXIST") or (404, _) => WmsException.NotFound($"{message} (MLflow at {Server})"),
            (_, "RESOURCE_ALREADY_EXISTS") => new WmsException($"{message} (MLflow at {Server})", WmsErrorKind.Conflict),
            (_, "INVALID_PARAMETER_VALUE") or (400, _) => new WmsException($"MLflow at {Server} rejected {Operation}: {message}"),
            _ => new WmsException($"MLflow at {Server} answered {Operation} with HTTP {Status}: {message}", WmsErrorKind.DependencyUnavailable),
        };
    }

    private static ErrorResponse? ParseError(string body)
    {
        if (!body.TrimStart().StartsWith('{')) return null;
        try
        {
            return JsonSerializer.Deserialize(body, MlflowJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>MLflow appends SQL and stack details after the first line; users need the first.</summary>
    internal static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        if (line.StartsWith('<')) line = "(an HTML page; is this URL an MLflow 2.x server?)";
        return line.Length > 300 ? line[..300] + "..." : line.Length == 0 ? "(empty body)" : line;
    }
}
