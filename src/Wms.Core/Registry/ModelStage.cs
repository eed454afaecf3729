namespace Wms.Core.Registry;

/// <summary>MLflow's registry stages (deprecated by MLflow in favour of aliases; kept because old consumers load by stage).</summary>
public enum ModelStage
{
    /// <summary>Registered, not staged.</summary>
    None,
    /// <summary>Being tested.</summary>
    Staging,
    /// <summary>Served. wms keeps exactly one version here, the one with alias <c>production</c>.</summary>
    Production,
    /// <summary>Retired; kept for rollback.</summary>
    Archived,
}
