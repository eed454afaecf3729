namespace Wms.Core;

/// <summary>How far a long operation is: <paramref name="Done"/> of <paramref name="Total"/> items in <paramref name="Stage"/>.</summary>
public readonly record struct ProgressReport(string Stage, int Done, int Total);
