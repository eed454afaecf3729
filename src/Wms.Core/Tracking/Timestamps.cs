namespace Wms.Core.Tracking;

/// <summary>MLflow stores times as Unix epoch milliseconds; so does the embedded store.</summary>
internal static class Timestamps
{
    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is { } value ? FromMs(value) : null;
}
