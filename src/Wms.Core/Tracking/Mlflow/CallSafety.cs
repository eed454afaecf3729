namespace Wms.Core.Tracking.Mlflow;

/// <summary>Whether a request may simply be sent again when its outcome is unknown.</summary>
internal enum CallSafety
{
    /// <summary>Reads, and writes whose repetition changes nothing (set-tag, alias, stage, log-batch with fixed timestamps, PUT).</summary>
    Idempotent,
    /// <summary>Creates a new entity each time (runs/create, model-versions/create): after a timeout or 5xx, look before sending again.</summary>
    UnsafeToRepeat,
}
