namespace Wms.Core.Registry;

/// <summary>Whether a model version is usable (MLflow's <c>status</c>).</summary>
public enum ModelVersionStatus
{
    /// <summary>The server is still copying or checking the artifacts.</summary>
    PendingRegistration,
    /// <summary>Registration failed; the version is not usable.</summary>
    FailedRegistration,
    /// <summary>Usable.</summary>
    Ready,
}
