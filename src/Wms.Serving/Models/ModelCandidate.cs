namespace Wms.Serving.Models;

/// <summary>
/// What a model source points at right now. <paramref name="Identity"/> changes exactly when the
/// model does (a registry version, a file's hash), so the reloader compares identities only.
/// </summary>
public sealed record ModelCandidate(string Identity, ModelDescriptor Descriptor);
