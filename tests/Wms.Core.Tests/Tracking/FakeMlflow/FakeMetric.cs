namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed record FakeMetric(string Key, double Value, long Timestamp, long Step);
