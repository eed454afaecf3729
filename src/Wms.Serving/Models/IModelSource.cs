namespace Wms.Serving.Models;

/// <summary>Where the served model comes from: a file (<c>MODEL_PATH</c>) or the registry.</summary>
public interface IModelSource
{
    /// <summary>For logs and errors: a path, or <c>models:/water-meter-segmentation@production</c>.</summary>
    string Description { get; }

    /// <summary>What the source points at now (cheap: no download); null when it has no model.</summary>
    Task<ModelCandidate?> FindAsync(CancellationToken cancellationToken);

    /// <summary>Makes the candidate's files local (downloading into a cache when needed).</summary>
    Task<LocalModel> FetchAsync(ModelCandidate candidate, CancellationToken cancellationToken);
}
