using Wms.Core;
using Wms.Core.Evaluation;
using Wms.Training.Data;

namespace Wms.Cli.Gate;

/// <summary>The photos a run recorded (by stem), found again in a data folder; any missing is an error naming them.</summary>
public static class RecordedPhotos
{
    public static List<EvaluationPair> Find(IReadOnlyDictionary<string, SamplePair> pairs, IReadOnlyList<string> stems, string data, string whose)
    {
        var missing = stems.Where(s => !pairs.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new WmsException($"{data}: lacks {missing.Count} of {whose} ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}); pass --data with the folder the run trained on",
                WmsErrorKind.DataInvalid);
        return stems.Select(s => pairs[s]).Select(p => new EvaluationPair(p.Stem, p.PhotoPath, p.MaskPath)).ToList();
    }
}
