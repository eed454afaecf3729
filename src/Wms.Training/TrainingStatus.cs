namespace Wms.Training;

/// <summary>How a run ended.</summary>
public enum TrainingStatus
{
    /// <summary>Trained and tested; the run folder is complete.</summary>
    Completed,
    /// <summary>Stopped by the user; the folder (still <c>&lt;out&gt;.partial</c>) keeps the best weights so far.</summary>
    Cancelled,
}
