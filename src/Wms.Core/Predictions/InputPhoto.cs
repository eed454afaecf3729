namespace Wms.Core.Predictions;

/// <summary>One photo to predict.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Name">How it is shown and reported: relative to the workspace when inside it.</param>
/// <param name="OutputStem">The stem of its output files (<c>mask_&lt;stem&gt;.png</c>), unique in the batch.</param>
public sealed record InputPhoto(string Path, string Name, string OutputStem);
