namespace Wms.Core.Dvc.Storage;

/// <summary>Local folders and S3, chosen by the remote's url.</summary>
public sealed class ObjectStoreFactory : IObjectStoreFactory
{
    public IObjectStore Create(DvcRemoteConfig remote) => remote.IsS3
        ? new S3ObjectStore(S3ClientFactory.Create(remote), S3Url.Parse(remote.Url), remote)
        : new LocalObjectStore(remote.LocalPath);
}
