using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>
/// TorchSharp's Adam, whose per-step numbers stay alive for the whole step.
/// </summary>
/// <remarks>
/// Same update, defaults and state as <see cref="Adam"/>, which it extends, so learning-rate groups
/// and <c>ReduceLROnPlateau</c> work unchanged. Adam's own step passes its numbers as implicit
/// scalars, which a collection on another thread can free mid-call (<see cref="KeptScalars"/>);
/// that failed a training run in CI. AMSGrad and maximize are not offered: training uses neither.
/// </remarks>
public sealed class KeptScalarsAdam(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
    : Adam(parameters, learningRate, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var (beta1, beta2) = (options.beta1!.Value, options.beta2!.Value);
        using Scalar decay = options.weight_decay!.Value.ToScalar(), eps = options.eps!.Value.ToScalar(),
            keep1 = beta1.ToScalar(), new1 = (1 - beta1).ToScalar(), keep2 = beta2.ToScalar(), new2 = (1 - beta2).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var grad = parameter.grad;
            if (grad is null) continue;
            var state = (State)_state[parameter.Handle];
            state.step++;
            using Scalar root2 = Math.Sqrt(1 - Math.Pow(beta2, state.step)).ToScalar(),
                stepSize = (-options.LearningRate!.Value / (1 - Math.Pow(beta1, state.step))).ToScalar();
            if (options.weight_decay.Value != 0) grad = grad.add(parameter, decay);
            state.exp_avg.mul_(keep1).add_(grad, new1);
            state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad, new2);
            var denominator = state.exp_avg_sq.sqrt().div_(root2).add_(eps, KeptScalars.One);
            parameter.addcdiv_(state.exp_avg, denominator, stepSize);
        }
    }, closure);
}
