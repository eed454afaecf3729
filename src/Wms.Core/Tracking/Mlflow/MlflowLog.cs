using Microsoft.Extensions.Logging;

namespace Wms.Core.Tracking.Mlflow;

internal static partial class MlflowLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "MLflow at {Server}: {Operation} failed ({Problem}); retry {Attempt} of {MaxRetries} in {DelaySeconds:0.0} s")]
    public static partial void Retrying(ILogger logger, string server, string operation, string problem, int attempt, int maxRetries, double delaySeconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "MLflow at {Server}: {Operation} had an unclear outcome but had taken effect; not sent again")]
    public static partial void AlreadyDone(ILogger logger, string server, string operation);
}
