namespace Wms.Core.Infra;

/// <summary>The EC2 instance lifecycle states, as EC2 names them (pending, running, ...).</summary>
public enum InstanceState
{
    Pending,
    Running,
    Stopping,
    Stopped,
    ShuttingDown,
    Terminated,
}
