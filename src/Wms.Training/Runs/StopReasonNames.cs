namespace Wms.Training.Runs;

/// <summary>The names stop reasons have in metrics.json and the log.</summary>
public static class StopReasonNames
{
    public static string Of(StopReason reason) => reason switch
    {
        StopReason.MaxEpochs => "max_epochs",
        StopReason.EarlyStopping => "early_stopping",
        StopReason.TimeLimit => "time_limit",
        _ => "cancelled",
    };
}
