using Wms.Core.Tests.Tracking.Contract;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;

namespace Wms.Core.Tests.Tracking;

/// <summary>The contract on the embedded store (SQLite + artifact folder in a temp workspace).</summary>
public sealed class EmbeddedBackendTests : TrackingBackendContract
{
    protected override Task<ITrackingStore> ConnectAsync() =>
        Task.FromResult<ITrackingStore>(new SqliteTrackingStore(Temp.Combine(".wms")));
}
