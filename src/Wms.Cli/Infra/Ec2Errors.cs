using Amazon.EC2;
using Amazon.Runtime;
using Wms.Core;

namespace Wms.Cli.Infra;

/// <summary>Turns EC2 failures into the one-line <see cref="WmsException"/>s the CLI reports.</summary>
internal static class Ec2Errors
{
    public static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "IncorrectInstanceState")
        {
            // The state changed between our reading and this call; the lease logic reads again.
            throw new WmsException($"EC2: {OneLine(e.Message)}", WmsErrorKind.Conflict, e);
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode is "InvalidInstanceID.NotFound" or "InvalidInstanceID.Malformed")
        {
            throw new WmsException($"EC2: {OneLine(e.Message)}", WmsErrorKind.NotFound, e);
        }
        catch (AmazonServiceException e)
        {
            throw new WmsException($"EC2 refused the request ({e.ErrorCode ?? e.StatusCode.ToString()}): {OneLine(e.Message)}", WmsErrorKind.DependencyUnavailable, e);
        }
        catch (AmazonClientException e)
        {
            // No credentials or region, or the endpoint could not be reached.
            throw new WmsException($"EC2 client: {OneLine(e.Message)}", WmsErrorKind.DependencyUnavailable, e);
        }
        catch (HttpRequestException e)
        {
            throw new WmsException($"EC2 unreachable: {OneLine(e.Message)}", WmsErrorKind.DependencyUnavailable, e);
        }
    }

    /// <summary>SDK messages can span lines (socket errors do); the CLI prints one.</summary>
    internal static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
