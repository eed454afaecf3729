namespace Wms.Core.Infra;

/// <summary>EC2's own names for <see cref="InstanceState"/> ("shutting-down", ...), used in output and parsing.</summary>
public static class InstanceStateNames
{
    public static string ToEc2Name(this InstanceState state) => state switch
    {
        InstanceState.Pending => "pending",
        InstanceState.Running => "running",
        InstanceState.Stopping => "stopping",
        InstanceState.Stopped => "stopped",
        InstanceState.ShuttingDown => "shutting-down",
        _ => "terminated",
    };

    /// <summary>Parses an EC2 state name; an unknown one is an error naming it.</summary>
    public static InstanceState Parse(string name) => name switch
    {
        "pending" => InstanceState.Pending,
        "running" => InstanceState.Running,
        "stopping" => InstanceState.Stopping,
        "stopped" => InstanceState.Stopped,
        "shutting-down" => InstanceState.ShuttingDown,
        "terminated" => InstanceState.Terminated,
        _ => throw new WmsException($"EC2 reported an unknown instance state '{name}'", WmsErrorKind.DependencyUnavailable),
    };
}
