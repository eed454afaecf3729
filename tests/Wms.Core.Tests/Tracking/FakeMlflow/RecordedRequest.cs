namespace Wms.Core.Tests.Tracking.FakeMlflow;

/// <summary>One request the fake server received.</summary>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, string? ContentType, string? Authorization, string Body, int Status);
