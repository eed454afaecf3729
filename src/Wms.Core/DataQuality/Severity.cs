namespace Wms.Core.DataQuality;

/// <summary>Whether a finding fails the data set (<see cref="Error"/>) or is only reported.</summary>
public enum Severity
{
    Error,
    Warning,
}
