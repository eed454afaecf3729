namespace Wms.Core.Dvc.Storage;

/// <summary>Opens the object store of a configured DVC remote (a seam tests can wrap).</summary>
public interface IObjectStoreFactory
{
    IObjectStore Create(DvcRemoteConfig remote);
}

/// <summary>Local folders and S3, chosen by the remote's url.</summary>
public sealed class ObjectStoreFactory : IObjectStoreFactory
{
    public IObjectStore Create(DvcRemoteConfig remote) => remote.IsS3
        ? new S3ObjectStore(S3ClientFactory.Create(remote), S3Url.Parse(remote.Url), remote)
        : new LocalObjectStore(remote.LocalPath);
}
