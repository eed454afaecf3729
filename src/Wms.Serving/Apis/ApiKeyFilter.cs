using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Wms.Serving.Inference;

namespace Wms.Serving.Apis;

/// <summary>
/// When <see cref="ServingOptions.ApiKey"/> is set, a request must carry it in <c>X-API-Key</c>
/// (or as <c>Authorization: Bearer</c>); otherwise 401. Compared in constant time.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ServingOptions> options, ProblemResults problems) : IEndpointFilter
{
    public const string HeaderName = "X-API-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected)) return await next(context);

        var http = context.HttpContext;
        var given = http.Request.Headers[HeaderName].ToString();
        if (given.Length == 0 && http.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = auth["Bearer ".Length..].Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return await next(context);

        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        var detail = given.Length == 0 ? $"send the API key in the {HeaderName} header" : $"the {HeaderName} header does not match the configured key";
        return problems.From(http, new PredictionFailure(PredictionError.Unauthorized, detail));
    }
}
