namespace Wms.Core.Infra;

/// <summary>
/// The shared training machine, as the lease logic needs it: read its state and tags, write or
/// delete one tag, start, stop. EC2 implements it in the CLI; tests use an in-memory one.
/// </summary>
/// <remarks>
/// Start and stop only ask; the state changes later (pending, stopping), as EC2 does. A start or
/// stop the current state forbids (start while stopping) throws a <see cref="WmsException"/> of kind
/// <see cref="WmsErrorKind.Conflict"/>, which callers retry after the next reading.
/// </remarks>
public interface IInstanceStore
{
    Task<InstanceSnapshot> DescribeAsync(CancellationToken cancellationToken);

    Task SetTagAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>Deletes the tag; nothing happens when it is absent.</summary>
    Task DeleteTagAsync(string key, CancellationToken cancellationToken);

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>Finds the instance that <see cref="InfraOptions"/> names (id, or a tag) and opens it.</summary>
public interface IInstanceStoreFactory
{
    Task<IInstanceStore> OpenAsync(InfraOptions options, CancellationToken cancellationToken);
}
