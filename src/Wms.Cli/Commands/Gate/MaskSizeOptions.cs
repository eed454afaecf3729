using System.CommandLine;
using Wms.Core.Evaluation;

namespace Wms.Cli.Commands.Gate;

/// <summary>The <c>--mask-size</c> that <c>wms eval</c> and <c>wms gate</c> share, with its range checked at parse time.</summary>
internal static class MaskSizeOptions
{
    public const int Min = 16, Max = 2048;

    public static Option<int> Create()
    {
        var option = new Option<int>("--mask-size")
        {
            Description = "Compare masks at this size (the original measured at 512)", DefaultValueFactory = _ => EvaluationOptions.DefaultMaskSize,
        };
        option.Validators.Add(result =>
        {
            var size = result.GetValueOrDefault<int>();
            if (size is < Min or > Max) result.AddError($"--mask-size must be between {Min} and {Max}, not {size}");
        });
        return option;
    }
}
