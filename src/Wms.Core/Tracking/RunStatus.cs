namespace Wms.Core.Tracking;

/// <summary>A run's lifecycle status, named as MLflow names it (RUNNING, FINISHED, ...).</summary>
public enum RunStatus
{
    /// <summary>The run is being logged to.</summary>
    Running,
    /// <summary>Created but not started (MLflow projects); wms never sets it.</summary>
    Scheduled,
    /// <summary>Ended normally.</summary>
    Finished,
    /// <summary>Ended by an error.</summary>
    Failed,
    /// <summary>Ended by the user (Ctrl+C, SIGTERM).</summary>
    Killed,
}
