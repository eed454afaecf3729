namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed class FakeRegisteredModel
{
    public required string Name { get; init; }
    public long CreationTime { get; init; }
    public long UpdatedTime { get; set; }
    public string Description { get; set; } = "";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);
    public List<FakeModelVersion> Versions { get; } = [];
}
