namespace Wms.Core.Evaluation;

/// <summary>A photo and its true mask, paired by file stem, to evaluate a model on.</summary>
/// <param name="Stem">The shared file stem (<c>meter_001</c>).</param>
/// <param name="PhotoPath">The photo (.jpg/.png).</param>
/// <param name="MaskPath">Its true mask (grey &gt;= 127 is the counter).</param>
public sealed record EvaluationPair(string Stem, string PhotoPath, string MaskPath);
