namespace Wms.Core.Tests.Tracking.FakeMlflow;

/// <summary>An MLflow error the handlers throw; the server turns it into the JSON error body.</summary>
internal sealed class FakeMlflowError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}
