namespace Wms.Core.Tracking.Mlflow;

/// <summary>
/// Maps artifact URIs to paths of the server's artifact proxy, as MLflow's own
/// MlflowArtifactsRepository does: <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c> is served at
/// <c>/api/2.0/mlflow-artifacts/artifacts/1/&lt;run&gt;/artifacts</c>.
/// </summary>
internal static class ArtifactLocations
{
    private const string Scheme = "mlflow-artifacts:";

    /// <summary>The proxy path for <paramref name="artifactUri"/>; DependencyUnavailable when the server does not proxy it.</summary>
    public static string ProxyPath(string artifactUri, string server, string what)
    {
        if (!artifactUri.StartsWith(Scheme, StringComparison.Ordinal))
            throw new WmsException(
                $"{what} is stored at '{artifactUri}', which wms reaches only through the MLflow server's artifact proxy: start the server with --serve-artifacts (the default since MLflow 2.0) and an --artifacts-destination (MLflow at {server})",
                WmsErrorKind.DependencyUnavailable);
        var rest = artifactUri[Scheme.Length..];
        // mlflow-artifacts://host:port/path names the server explicitly; the path part is what matters here.
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[slash..];
        }
        return rest.Trim('/');
    }

    public static string Combine(string proxyPath, string relative) =>
        relative.Length == 0 ? proxyPath : proxyPath.Length == 0 ? relative : proxyPath + "/" + relative;
}
