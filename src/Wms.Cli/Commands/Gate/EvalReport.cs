using System.Globalization;
using System.Text;
using Wms.Core;
using Wms.Core.Evaluation;
using Wms.Core.Imaging;
using Wms.Core.Reporting;

namespace Wms.Cli.Commands.Gate;

/// <summary>
/// `wms eval --report DIR`: <c>report.md</c> (summary, worst photos), <c>worst.png</c> (photo |
/// true mask | predicted mask of the worst photos, at the mask size) and <c>per_photo.csv</c>.
/// Each file is written to a temporary name and moved, so none is ever half-written.
/// </summary>
internal static class EvalReport
{
    public const string MarkdownFile = "report.md";
    public const string GridFile = "worst.png";
    public const string CsvFile = "per_photo.csv";

    public static string Write(string directory, EvalView view, ModelEvaluation evaluation, ModelEvaluator evaluator, int worst)
    {
        Directory.CreateDirectory(directory);
        var worstPhotos = evaluation.Worst(worst);
        if (worstPhotos.Count > 0)
        {
            var rows = worstPhotos.Select(p =>
            {
                var (photo, truth) = evaluator.Load(new EvaluationPair(p.Stem, p.PhotoPath, p.MaskPath));
                var predicted = evaluator.PredictMask(photo);
                var size = evaluator.MaskSize;
                return new GridRow(string.Create(CultureInfo.InvariantCulture, $"{p.Stem}  Dice {p.Metrics.Dice:F3}  IoU {p.Metrics.Iou:F3}"),
                    Preprocessing.Resize(photo, size), new GrayImage(size, size, truth), new GrayImage(size, size, predicted));
            }).ToList();
            new ImageGrid(rows) { Title = $"{rows.Count} worst photos by Dice", ShowErrors = true }.Save(Path.Combine(directory, GridFile));
        }
        AtomicFile.WriteAllText(Path.Combine(directory, CsvFile), Csv(evaluation));
        var markdown = Path.Combine(directory, MarkdownFile);
        AtomicFile.WriteAllText(markdown, Markdown(view, worstPhotos.Count > 0));
        return markdown;
    }

    private static string Markdown(EvalView v, bool hasGrid)
    {
        var s = v.Summary;
        var text = new StringBuilder()
            .Append("# Model evaluation\n\n")
            .Append(CultureInfo.InvariantCulture, $"- Model: `{v.Model}` (input {v.ModelImageSize}x{v.ModelImageSize})\n")
            .Append(CultureInfo.InvariantCulture, $"- Data: `{v.DataDirectory}`, split `{v.Split}`{(v.Seed is { } seed ? $" (seed {seed})" : "")}, {v.Photos} photos\n")
            .Append(CultureInfo.InvariantCulture, $"- Masks compared at {v.MaskSize}x{v.MaskSize} (predicted probabilities resized bilinearly, then > 0.5; " +
                    $"post-processing: {v.Postprocess})\n\n")
            .Append("| Dice | IoU | Hausdorff (px) | Pixel accuracy |\n|---|---|---|---|\n")
            .Append(CultureInfo.InvariantCulture, $"| {s.Dice:F4} | {s.Iou:F4} | {s.Hausdorff:F2} | {s.PixelAccuracy:F4} |\n\n")
            .Append(CultureInfo.InvariantCulture, $"## The {v.Worst.Count} worst photos\n\n")
            .Append("| Photo | Dice | IoU | Hausdorff (px) | Pixel accuracy |\n|---|---|---|---|---|\n");
        foreach (var p in v.Worst)
            text.Append(CultureInfo.InvariantCulture, $"| {p.Stem} | {p.Dice:F4} | {p.Iou:F4} | {p.Hausdorff:F2} | {p.PixelAccuracy:F4} |\n");
        if (hasGrid)
            text.Append(CultureInfo.InvariantCulture, $"\nPhoto | true mask | predicted mask | errors (green hit, red false alarm, blue missed):\n\n![worst photos]({GridFile})\n");
        return text.Append(CultureInfo.InvariantCulture, $"\nEvery photo's scores: [{CsvFile}]({CsvFile})\n").ToString();
    }

    private static string Csv(ModelEvaluation evaluation)
    {
        var text = new StringBuilder("stem,photo,dice,iou,hausdorff,pixel_accuracy\n");
        foreach (var p in evaluation.Photos)
        {
            var m = p.Metrics;
            text.Append(CultureInfo.InvariantCulture, $"{p.Stem},\"{p.PhotoPath.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{m.Dice:R},{m.Iou:R},{m.Hausdorff:R},{m.PixelAccuracy:R}\n");
        }
        return text.ToString();
    }
}
