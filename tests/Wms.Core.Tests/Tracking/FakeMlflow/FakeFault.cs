namespace Wms.Core.Tests.Tracking.FakeMlflow;

/// <summary>
/// An injected failure: the next <see cref="Times"/> requests whose path contains
/// <see cref="PathContains"/> get <see cref="Status"/> instead of an answer. With
/// <see cref="AfterProcessing"/> the request takes effect first, as when a proxy times out after
/// the server did the work.
/// </summary>
public sealed class FakeFault(string pathContains, int status, int times = 1, TimeSpan? retryAfter = null, bool afterProcessing = false)
{
    public string PathContains { get; } = pathContains;
    public int Status { get; } = status;
    public int Remaining { get; set; } = times;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool AfterProcessing { get; } = afterProcessing;
    public int Hits { get; set; }
}
