namespace Wms.Core.LocalModels;

/// <summary>What to pull and where.</summary>
/// <param name="ModelName">The registered model.</param>
/// <param name="Reference">An alias (<c>production</c>: the alias, else the newest version in stage Production), a stage or a version number.</param>
/// <param name="Directory">The cache folder (full path).</param>
/// <param name="Force">Download even when the cache is intact and current.</param>
public sealed record PullRequest(string ModelName, string Reference, string Directory, bool Force);
