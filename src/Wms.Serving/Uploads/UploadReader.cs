using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Wms.Serving.Inference;

namespace Wms.Serving.Uploads;

/// <summary>
/// Reads the photos of a prediction request: multipart/form-data (field <c>image</c>, or the
/// original's legacy <c>file</c>; any file part for a batch) or a raw <c>image/jpeg</c>,
/// <c>image/png</c> or <c>application/octet-stream</c> body. Every refusal is a
/// <see cref="PredictionFailure"/> with its status.
/// </summary>
internal static class UploadReader
{
    /// <summary>Fields a single prediction takes its photo from, in order of preference.</summary>
    public static readonly string[] SingleFields = ["image", "file"];

    private static readonly string[] BatchFields = ["images", "image", "files", "file"];
    private static readonly string[] RawTypes = ["image/jpeg", "image/jpg", "image/pjpeg", "image/png", "application/octet-stream"];

    /// <param name="request">The request whose body holds the photos.</param>
    /// <param name="maxBytes">Largest body accepted (413 above).</param>
    /// <param name="maxFiles">1 for /predict (fields image or file); more for a batch (413 above).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<UploadedImage>> ReadAsync(HttpRequest request, long maxBytes, int maxFiles, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            throw new PredictionFailure(PredictionError.TooLarge, $"the request body is {request.ContentLength} bytes, more than the limit of {maxBytes}");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes;

        var body = new LimitedReadStream(request.Body, maxBytes);
        try
        {
            if (string.IsNullOrWhiteSpace(request.ContentType))
                return [await ReadRawAsync(body, request.ContentLength, "request body", cancellationToken)];
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media))
                throw Unsupported(request.ContentType);
            var type = media.MediaType.Value?.ToLowerInvariant();
            if (type == "multipart/form-data")
                return await ReadMultipartAsync(body, media, maxBytes, maxFiles, cancellationToken);
            if (type == "application/x-www-form-urlencoded")
                throw new PredictionFailure(PredictionError.MissingFile, "a form without a file: send multipart/form-data with the photo in field 'image'");
            if (RawTypes.Contains(type))
                return [await ReadRawAsync(body, request.ContentLength, "request body", cancellationToken)];
            throw Unsupported(request.ContentType);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The budget ran out while the body was still arriving: the client is slow, not the server.
            throw new PredictionFailure(PredictionError.UploadTimeout, "the request body did not arrive within the request timeout", e);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException && ClientLeft(request, e))
        {
            throw new PredictionFailure(PredictionError.Cancelled, "the client closed the connection during the upload", e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new PredictionFailure(PredictionError.TooLarge, $"the request body is more than the limit of {maxBytes} bytes", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // MultipartReader's own words for a missing closing boundary mention "another component"; say what is wrong.
            var problem = e.Message.StartsWith("Unexpected end of Stream", StringComparison.Ordinal)
                ? "the multipart body ends before its closing boundary" : e.Message.Trim();
            throw new PredictionFailure(PredictionError.MalformedRequest, $"cannot read the request body ({problem})", e);
        }
    }

    /// <summary>
    /// The connection ended before the body did (reset, or closed short of its Content-Length):
    /// the client left, which is counted as cancelled, not as a malformed request.
    /// </summary>
    private static bool ClientLeft(HttpRequest request, Exception e) =>
        request.HttpContext.RequestAborted.IsCancellationRequested
        || e is Microsoft.AspNetCore.Connections.ConnectionResetException
        || (e is BadHttpRequestException && e.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal));

    private static async Task<IReadOnlyList<UploadedImage>> ReadMultipartAsync(Stream body, MediaTypeHeaderValue media, long maxBytes, int maxFiles, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new PredictionFailure(PredictionError.MalformedRequest, "multipart/form-data without a boundary");
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = maxBytes };
        var images = new List<UploadedImage>();
        UploadedImage? legacy = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            // form-data parts only; IsFormDisposition() would also exclude the file parts we want.
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                continue;
            var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            var fileName = disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (maxFiles == 1)
            {
                if (!SingleFields.Contains(field, StringComparer.Ordinal)) continue;
                var image = new UploadedImage(fileName ?? field, await ReadAllAsync(section.Body, null, cancellationToken));
                if (field == SingleFields[0]) return [image];
                legacy ??= image;
                continue;
            }
            if (fileName is null && !BatchFields.Contains(field, StringComparer.Ordinal)) continue;
            if (images.Count == maxFiles)
                throw new PredictionFailure(PredictionError.TooManyFiles, $"more than {maxFiles} photos in one batch");
            images.Add(new UploadedImage(fileName ?? $"{field}[{images.Count}]", await ReadAllAsync(section.Body, null, cancellationToken)));
        }
        if (legacy is not null) return [legacy];
        if (images.Count == 0)
        {
            var expected = maxFiles == 1 ? "field 'image' (or 'file')" : "file parts";
            throw new PredictionFailure(PredictionError.MissingFile, $"no photo in the form: send it in {expected}");
        }
        return images;
    }

    private static async Task<UploadedImage> ReadRawAsync(Stream body, long? length, string name, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(body, length, cancellationToken);
        if (bytes.IsEmpty)
            throw new PredictionFailure(PredictionError.MissingFile, "empty request body: send multipart/form-data with field 'image', or the photo as an image/jpeg or image/png body");
        return new UploadedImage(name, bytes);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, long? length, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length.Value : 64 * 1024);
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static PredictionFailure Unsupported(string contentType) => new(PredictionError.UnsupportedMediaType,
        $"Content-Type '{contentType}' is not accepted: send multipart/form-data with field 'image', or an image/jpeg or image/png body");
}
