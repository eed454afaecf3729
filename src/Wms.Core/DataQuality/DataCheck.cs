namespace Wms.Core.DataQuality;

/// <summary>One kind of finding: a stable id (in the JSON report), its severity and a heading.</summary>
public sealed record DataCheck(string Id, Severity Severity, string Title);
