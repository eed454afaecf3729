using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Training.Model;
using Wms.Training.Onnx;

namespace Wms.Cli.Commands.Model;

/// <summary>`wms model export`: U-Net weights (.pth or TorchSharp .dat) to an MLflow model folder with model.onnx.</summary>
internal sealed class ExportCommand : BaseCommand
{
    private static readonly Option<string> Weights = new("--weights", "-w")
    {
        Description = "The trained weights: a PyTorch state_dict (.pth/.pt) or TorchSharp weights (.dat)",
        Required = true,
    };

    private static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "The model folder to write (MLmodel, model.onnx, best.pth, best.dat, wms-model.json, Python env files)",
        Required = true,
    };

    private static readonly Option<int> ImageSize = new("--image-size")
    {
        Description = "The input size the model was trained at (recorded in the signature)",
        DefaultValueFactory = _ => Preprocessing.DefaultSize,
    };

    private static readonly Option<string> Postprocess = new("--postprocess")
    {
        Description = "Mask post-processing recorded in the model, as the training's model.postprocess: none or largest_region",
        DefaultValueFactory = _ => MaskPostprocessNames.None,
    };

    private static readonly Option<string?> RunId = new("--run-id") { Description = "Tracking run the model belongs to (recorded in MLmodel)" };

    private static readonly Option<bool> Force = new("--force", "-f") { Description = "Replace the folder if it exists" };

    private static readonly Option<bool> Int8 = new("--int8")
    {
        Description = "Write model.onnx as a static INT8 (QDQ) graph, about 2x faster on CPU; needs --calibration",
    };

    private static readonly Option<string?> Calibration = new("--calibration")
    {
        Description = "Photos to calibrate INT8 on (a folder of JPEG/PNG, or a data folder with images/)",
    };

    private static readonly Option<int> CalibrationCount = new("--calibration-count")
    {
        Description = "Calibration photos used (spread over the folder)",
        DefaultValueFactory = _ => 16,
    };

    private static readonly Option<double> MinDice = new("--min-dice")
    {
        Description = "Refuse the INT8 model if its masks agree with FP32's below this mean Dice on the calibration photos",
        DefaultValueFactory = _ => 0.95,
    };

    private readonly Workspace _workspace;

    public ExportCommand(IConsoleUi ui, Workspace workspace)
        : base("export", "Write trained U-Net weights as an MLflow model folder with an ONNX model (checked against TorchSharp; --int8 for the quantized graph)", ui)
    {
        _workspace = workspace;
        Options.Add(Weights);
        Options.Add(Out);
        Options.Add(ImageSize);
        Options.Add(Postprocess);
        Options.Add(RunId);
        Options.Add(Force);
        Options.Add(Int8);
        Options.Add(Calibration);
        Options.Add(CalibrationCount);
        Options.Add(MinDice);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var weights = _workspace.Resolve(parseResult.GetValue(Weights)!);
        var folder = _workspace.Resolve(parseResult.GetValue(Out)!);
        var size = parseResult.GetValue(ImageSize);
        // What training accepts (model.input_size).
        if (!UNet.IsInputSize(size))
            throw new WmsException($"--image-size: must be between {UNet.MinInputSize} and {UNet.MaxInputSize} and divisible by {UNet.InputSizeMultiple()} " +
                $"(the U-Net halves it four times; five times, so 32, for depth-5 weights), not {size}");

        var postprocess = MaskPostprocessNames.ParseOption(Postprocess.Name, parseResult.GetValue(Postprocess)!);
        var int8 = Int8Options(parseResult);
        var force = parseResult.GetValue(Force);
        if (!force && Directory.Exists(folder))
            throw new WmsException($"{folder}: already exists (use --force to replace it)", WmsErrorKind.Conflict);

        TorchRuntime.Configure(0);
        using var model = Checkpoints.Open(weights);
        if (UNet.InputSizeProblem(size, model.Depth) is { } sizeProblem)
            throw new WmsException($"--image-size: {sizeProblem}, for {weights}");
        var export = ModelFolderExporter.Export(model, folder, new ModelFolderExportOptions
        {
            ImageSize = size,
            Postprocess = postprocess,
            RunId = parseResult.GetValue(RunId),
            Overwrite = force,
            Int8 = int8,
        });

        var package = export.Package;
        var output = new ExportOutput(package.Path, package.OnnxPath, package.OnnxSha256, size, package.RunId,
            export.MaxLogitDifference, package.Manifest!.Files, package.Manifest.EffectivePrecision,
            export.Int8 is { } a ? new Int8AgreementOutput(a.Inputs, a.MeanDice, a.MinDice, a.MaxLogitDifference, a.MeanLogitDifference) : null);
        if (parseResult.IsJson())
        {
            Ui.WriteJson(output, ModelJsonContext.Default.ExportOutput);
        }
        else
        {
            var table = new Table().AddColumns("file", "bytes", "sha256 (start)");
            foreach (var file in output.Files) table.AddRow(Markup.Escape(file.Path), file.SizeBytes.ToString("N0"), file.Sha256[..16]);
            Ui.Out.Write(table);
            Ui.Out.MarkupLineInterpolated($"model.onnx sha256: {package.OnnxSha256}");
            if (export.Int8 is { } q)
                Ui.Info($"INT8 vs FP32 on {q.Inputs} calibration photos: mask Dice mean {q.MeanDice:F4}, min {q.MinDice:F4}; " +
                        $"|logit difference| mean {q.MeanLogitDifference:G3}, max {q.MaxLogitDifference:G3}");
            Ui.Success($"exported {weights} to {package.Path} (ONNX vs TorchSharp: max |logit difference| {export.MaxLogitDifference:G2})");
        }
        return Task.FromResult(ExitCodes.Success);
    }

    private Int8ExportOptions? Int8Options(ParseResult parseResult)
    {
        var calibration = parseResult.GetValue(Calibration);
        if (!parseResult.GetValue(Int8))
            return calibration is null ? null : throw new WmsException("--calibration: only with --int8");
        if (calibration is null) throw new WmsException("--int8: needs --calibration DIR (photos like those the model will see)");
        var count = parseResult.GetValue(CalibrationCount);
        if (count < 1) throw new WmsException($"--calibration-count: {count} (at least 1)");
        var minDice = parseResult.GetValue(MinDice);
        if (!(minDice is >= 0 and <= 1)) throw new WmsException($"--min-dice: {minDice} (0 to 1)");
        return new Int8ExportOptions(_workspace.Resolve(calibration)) { MaxPhotos = count, MinDice = minDice };
    }
}
