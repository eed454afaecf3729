using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Wms.Training.Model;

/// <summary>
/// The original U-Net (REFERENCE.md §2): 3 -> 1 channels, base 16 filters, four halvings,
/// bilinear upsampling, logits out, 1,965,569 parameters. Module names are the PyTorch
/// state_dict keys (<c>enc1.0.weight</c>, ..., <c>final.bias</c>), so a user's <c>best.pth</c>
/// loads as is. <c>depth</c> 5 adds a fifth halving (<c>enc5</c>, <c>dec5</c>): twice the
/// receptive field for about a quarter more multiply-adds (the new level runs at 1/256 of the pixels
/// but with 16 times the channels, so it costs about what a level of the original costs).
/// <c>baseFilters</c> (<c>model.base_filters</c>) sets the first level's channels, doubled at each
/// halving: 16 is the original's; 32 has four times the parameters.
/// </summary>
public sealed class UNet : Module<Tensor, Tensor>
{
    public const int ParameterCount = 1_965_569;

    /// <summary>The original's number of halvings; <see cref="Depths"/> are the ones this program builds.</summary>
    public const int OriginalDepth = 4;

    public static readonly IReadOnlyList<int> Depths = [4, 5];

    /// <summary>The original's channels at the first level.</summary>
    public const int OriginalBaseFilters = 16;

    /// <summary>Widths this program builds: a multiple of 8 (whole SIMD lanes), up to 64 (16 times the original's parameters).</summary>
    public const int MinBaseFilters = 8, MaxBaseFilters = 64, BaseFiltersStep = 8;

    /// <summary>Why <paramref name="depth"/> is not one this program builds (for a message naming the field), or null.</summary>
    public static string? DepthProblem(int depth) =>
        Depths.Contains(depth) ? null : $"must be one of {string.Join(", ", Depths)}, not {depth}";

    /// <summary>Why <paramref name="baseFilters"/> is not a width this program builds, or null.</summary>
    public static string? BaseFiltersProblem(int baseFilters) =>
        baseFilters is >= MinBaseFilters and <= MaxBaseFilters && baseFilters % BaseFiltersStep == 0
            ? null
            : $"must be a multiple of {BaseFiltersStep} from {MinBaseFilters} to {MaxBaseFilters}, not {baseFilters}";

    /// <summary>Input sizes the model takes: at least 32 and at most 2048 pixels a side, a multiple of 2^depth.</summary>
    public const int MinInputSize = 32, MaxInputSize = 2048;

    /// <summary>The U-Net halves its input <paramref name="depth"/> times, so sizes are multiples of this.</summary>
    public static int InputSizeMultiple(int depth = OriginalDepth) => 1 << depth;

    public static bool IsInputSize(int size, int depth = OriginalDepth) =>
        size is >= MinInputSize and <= MaxInputSize && size % InputSizeMultiple(depth) == 0;

    /// <summary>Why a U-Net of <paramref name="depth"/> does not take <paramref name="size"/> (for a message naming the field), or null.</summary>
    public static string? InputSizeProblem(int size, int depth = OriginalDepth) => IsInputSize(size, depth)
        ? null
        : $"must be divisible by {InputSizeMultiple(depth)} (the U-Net halves it {depth} times) and between {MinInputSize} and {MaxInputSize}, not {size}";

    /// <summary>The encoder blocks in forward order (<c>enc1</c> first), for code that walks the architecture (the ONNX writer).</summary>
    public static IReadOnlyList<string> EncoderBlocks(int depth) => [.. Enumerable.Range(1, depth).Select(i => $"enc{i}")];

    /// <summary>The decoder blocks in forward order (the deepest first).</summary>
    public static IReadOnlyList<string> DecoderBlocks(int depth) => [.. Enumerable.Range(1, depth).Reverse().Select(i => $"dec{i}")];

    /// <summary>The depth of a state_dict, from its keys (<c>enc5.0.weight</c> means 5); null when it has no encoder.</summary>
    public static int? DepthOf(IEnumerable<string> keys)
    {
        var depth = 0;
        var names = keys.ToHashSet(StringComparer.Ordinal);
        while (names.Contains($"enc{depth + 1}.0.weight")) depth++;
        return depth == 0 ? null : depth;
    }

    private readonly Sequential[] _encoders;
    private readonly Sequential _bottleneck;
    private readonly Sequential[] _decoders; // deepest first
    private readonly MaxPool2d[] _pools;
    private readonly Conv2d _final;

    public UNet(int inputChannels = 3, int baseFilters = OriginalBaseFilters, int outputChannels = 1, int depth = OriginalDepth) : base(nameof(UNet))
    {
        if (DepthProblem(depth) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"the U-Net's depth {problem}");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseFilters);
        LibtorchLogLevel.Apply(); // libtorch is loaded by now (base(...) made a module), and no convolution has run
        Depth = depth;
        BaseFilters = baseFilters;
        var f = baseFilters;
        // Registered in the original's order (encoders, bottleneck, decoders, pools, final), so the
        // state_dict lists its keys as PyTorch's does.
        _encoders = new Sequential[depth];
        for (var i = 0; i < depth; i++)
            _encoders[i] = Register($"enc{i + 1}", DoubleConv(i == 0 ? inputChannels : f << (i - 1), f << i));
        _bottleneck = Register("bottleneck", DoubleConv(f << (depth - 1), f << depth));
        _decoders = new Sequential[depth];
        for (var level = depth; level >= 1; level--)
            _decoders[depth - level] = Register($"dec{level}", DoubleConv((f << level) + (f << (level - 1)), f << (level - 1)));
        _pools = new MaxPool2d[depth];
        for (var i = 0; i < depth; i++)
            _pools[i] = Register($"pool{i + 1}", MaxPool2d(2, 2));
        _final = Register("final", Conv2d(f, outputChannels, 1));
    }

    /// <summary>How many times the input is halved: 4 for the original.</summary>
    public int Depth { get; }

    /// <summary>Channels at the first level: 16 for the original.</summary>
    public int BaseFilters { get; }

    private T Register<T>(string name, T module) where T : Module
    {
        register_module(name, module);
        return module;
    }

    private static Sequential DoubleConv(int inputs, int outputs) => Sequential(
        Conv2d(inputs, outputs, 3, padding: 1), BatchNorm2d(outputs), ReLU(inplace: true),
        Conv2d(outputs, outputs, 3, padding: 1), BatchNorm2d(outputs), ReLU(inplace: true));

    /// <summary>
    /// Run the convolutions in bfloat16 from the float32 weights, keeping batch-norm parameters and
    /// the output in float32: what <c>torch.autocast("cpu")</c> does, which TorchSharp lacks.
    /// Gradients flow back to the float32 weights through the casts. Off: the reference float32 path.
    /// The final 1x1 convolution (16 channels to 1) stays in float32: on an AMD EPYC with AVX-512 BF16
    /// and no AMX, oneDNN's bfloat16 backward of that one-output-channel convolution now and then
    /// filled its input's gradient with NaN (5 of 19 starts of the recipe, within their first
    /// epoch; docs/RESULTS.md); it is one convolution of 19, with one output channel.
    /// </summary>
    public bool BFloat16 { get; set; }

    /// <summary>
    /// Compute in NHWC memory order whatever the input's order: faster on CPU, and on an AMD EPYC
    /// with AVX-512 the only right one. There oneDNN's NCHW float32 convolutions, which pad the
    /// channels to blocks of 16, read padding nobody zeroed when a layer's channels are not a
    /// multiple of 16 (widths 8, 24, 40): NaN running statistics or logits off by 0.01, a different
    /// amount on every call; NHWC is not padded (docs/RESULTS.md). Off: the input's own order, the
    /// NCHW reference that <c>compute.channels_last: false</c> and the benchmarks ask for.
    /// </summary>
    public bool ChannelsLast { get; set; } = true;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = ChannelsLast ? BatchTensors.ChannelsLast(x) : x;
        if (BFloat16) h = h.to(ScalarType.BFloat16);
        var skips = new Tensor[Depth];
        for (var i = 0; i < Depth; i++)
        {
            skips[i] = Block(_encoders[i], h);
            h = _pools[i].call(skips[i]);
        }
        var d = Block(_bottleneck, h);
        for (var i = 0; i < Depth; i++)
            d = Up(_decoders[i], d, skips[Depth - 1 - i]);
        var logits = _final.call(BFloat16 ? d.to(ScalarType.Float32) : d);
        return logits.MoveToOuterDisposeScope();
    }

    private Tensor Up(Sequential block, Tensor x, Tensor skip)
    {
        var up = functional.interpolate(x, size: [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
        return Block(block, cat([up, skip], dim: 1));
    }

    private Tensor Block(Sequential block, Tensor x)
    {
        foreach (var layer in block.children().Cast<Module<Tensor, Tensor>>())
        {
            x = layer switch
            {
                Conv2d conv when BFloat16 => MixedConv(conv, x),
                // Under bfloat16, batch norm takes bfloat16 input with float32 parameters and statistics, as under autocast.
                BatchNorm2d norm => Normalize(norm, x),
                TorchSharp.Modules.ReLU when BFloat16 => functional.relu(x),
                _ => layer.call(x),
            };
        }
        return x;
    }

    /// <summary>
    /// <see cref="BatchNorm2d"/>'s own forward, but counting batches with a kept integral scalar.
    /// </summary>
    /// <remarks>
    /// TorchSharp's counts with <c>num_batches_tracked.add_(1)</c>, an implicit scalar a collection on
    /// another thread can free mid-call (<see cref="KeptScalars"/>): a CI run failed with "For integral
    /// input tensors, argument alpha must not be a floating point number".
    /// </remarks>
    private static Tensor Normalize(BatchNorm2d norm, Tensor x)
    {
        if (norm.training) norm.num_batches_tracked?.add_(KeptScalars.OneBatch, KeptScalars.OneBatch);
        // Every norm here has the default momentum; torch's null (a cumulative average) is never used.
        return functional.batch_norm(x, norm.running_mean, norm.running_var, norm.weight, norm.bias, norm.training, norm.momentum ?? 0.1, norm.eps);
    }

    /// <summary>A block's 3x3 convolution (padding 1) in bfloat16; the final 1x1 one stays float32.</summary>
    private static Tensor MixedConv(Conv2d conv, Tensor x) =>
        functional.conv2d(x, conv.weight!.to(ScalarType.BFloat16), conv.bias?.to(ScalarType.BFloat16), padding: [1, 1]);
}
