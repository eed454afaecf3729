namespace Wms.Cli.Gate;

/// <summary>What the quality gate decided.</summary>
public enum GateDecision
{
    /// <summary>Dice and IoU both strictly above Production's (plus the minimum delta), on the same photos.</summary>
    Improved,
    /// <summary>There is no Production model yet: the first one passes.</summary>
    FirstModel,
    /// <summary>Not better than Production on Dice or on IoU.</summary>
    NotImproved,
    /// <summary>The Production model could not be read or evaluated: the gate fails (never a baseline of 0).</summary>
    BaselineError,
}
