using Wms.Serving.Apis;

namespace Wms.Serving.Inference;

/// <summary>Inference workers, their bounded queue, and the prediction service on top.</summary>
public static class InferenceExtensions
{
    public static WebApplicationBuilder AddInferenceQueue(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InferenceQueueOptions>().BindConfiguration(InferenceQueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PredictionPipeline>();
        builder.Services.AddSingleton<InferenceQueue>();
        builder.Services.AddSingleton<PredictionService>();
        builder.Services.AddSingleton<ProblemResults>();
        return builder;
    }
}
