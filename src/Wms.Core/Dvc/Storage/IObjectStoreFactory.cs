namespace Wms.Core.Dvc.Storage;

/// <summary>Opens the object store of a configured DVC remote (a seam tests can wrap).</summary>
public interface IObjectStoreFactory
{
    IObjectStore Create(DvcRemoteConfig remote);
}
