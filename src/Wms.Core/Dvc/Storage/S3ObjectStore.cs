using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Wms.Core.Dvc.Storage;

/// <summary>
/// A DVC remote on S3 or an S3-compatible server. Every upload is sent without aws-chunked
/// framing and with Content-MD5, then checked against the ETag the server returns (or its size
/// when the ETag is not an MD5, as with SSE-KMS): an object whose bytes differ from its name is
/// deleted and reported, never left to poison the remote (ECOSYSTEM.md §f).
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 client, S3Url location, DvcRemoteConfig? remote = null) : IObjectStore
{
    private Task? _bucketChecked;

    /// <summary>Files larger than this go up in parts (S3 allows at most 5 GiB in one PUT).</summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    public long PartSize { get; init; } = 32L << 20;

    public string Location => location.ToString();

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await CheckBucketAsync(cancellationToken);
        try
        {
            await client.GetObjectMetadataAsync(location.Bucket, location.KeyOf(key), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is not "NoSuchBucket")
        {
            return false;
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Fail("check", key, e);
        }
    }

    public async Task UploadAsync(string key, string sourceFile, string contentMd5, CancellationToken cancellationToken)
    {
        await CheckBucketAsync(cancellationToken);
        var size = new FileInfo(sourceFile).Length;
        string? etag;
        try
        {
            etag = size > MultipartThreshold
                ? await UploadPartsAsync(key, sourceFile, size, cancellationToken)
                : await UploadWholeAsync(key, sourceFile, contentMd5, cancellationToken);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Fail("upload", key, e);
        }
        await VerifyAsync(key, sourceFile, contentMd5, size, etag, cancellationToken);
    }

    private async Task<string?> UploadWholeAsync(string key, string sourceFile, string contentMd5, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = location.Bucket,
            Key = location.KeyOf(key),
            FilePath = sourceFile,
            UseChunkEncoding = false,
            MD5Digest = Convert.ToBase64String(Convert.FromHexString(contentMd5)),
        };
        ApplyEncryption(request);
        var response = await client.PutObjectAsync(request, cancellationToken);
        return response.ETag;
    }

    private async Task<string?> UploadPartsAsync(string key, string sourceFile, long size, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = location.Bucket, Key = location.KeyOf(key) };
        if (remote?["sse"] is { } sse) initiate.ServerSideEncryptionMethod = new ServerSideEncryptionMethod(sse);
        if (remote?["sse_kms_key_id"] is { } kmsKey) initiate.ServerSideEncryptionKeyManagementServiceKeyId = kmsKey;
        if (remote?["acl"] is { } acl) initiate.CannedACL = new S3CannedACL(acl);
        var upload = await client.InitiateMultipartUploadAsync(initiate, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < size; position += PartSize, number++)
            {
                var length = Math.Min(PartSize, size - position);
                var partMd5 = await Md5OfRangeAsync(sourceFile, position, length, cancellationToken);
                var part = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = location.Bucket,
                    Key = location.KeyOf(key),
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FilePath = sourceFile,
                    FilePosition = position,
                    PartSize = length,
                    UseChunkEncoding = false,
                    MD5Digest = Convert.ToBase64String(partMd5),
                }, cancellationToken);
                parts.Add(new PartETag((int)number, part.ETag));
            }
            var complete = await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = location.Bucket,
                Key = location.KeyOf(key),
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken);
            return complete.ETag;
        }
        catch
        {
            await client.AbortMultipartUploadAsync(location.Bucket, location.KeyOf(key), upload.UploadId, CancellationToken.None);
            throw;
        }
    }

    private async Task VerifyAsync(string key, string sourceFile, string contentMd5, long size, string? etag, CancellationToken cancellationToken)
    {
        // A multipart ETag is AWS's md5-of-part-md5s "-N"; some servers (s3rver) give the whole object's md5 instead.
        var expected = size > MultipartThreshold ? [contentMd5, await MultipartETagAsync(sourceFile, size, cancellationToken)] : new[] { contentMd5 };
        var actual = etag?.Trim('"');
        string? problem = null;
        if (actual is not null && LooksLikeMd5ETag(actual))
        {
            if (!expected.Contains(actual, StringComparer.OrdinalIgnoreCase))
                problem = $"the server stored different bytes (ETag {actual}, expected {string.Join(" or ", expected)})";
        }
        else
        {
            // An ETag that is not an MD5 (SSE-KMS, some servers): fall back to the size.
            var head = await client.GetObjectMetadataAsync(location.Bucket, location.KeyOf(key), cancellationToken);
            if (head.ContentLength != size)
                problem = $"the server stored {head.ContentLength} bytes, {size} were sent";
        }
        if (problem is null) return;
        await client.DeleteObjectAsync(location.Bucket, location.KeyOf(key), CancellationToken.None);
        throw new WmsException($"{Location}: upload of {key} failed verification: {problem}; the object was deleted", WmsErrorKind.DependencyUnavailable);
    }

    public async Task DownloadAsync(string key, string destinationFile, CancellationToken cancellationToken)
    {
        await CheckBucketAsync(cancellationToken);
        try
        {
            using var response = await client.GetObjectAsync(location.Bucket, location.KeyOf(key), cancellationToken);
            await using var output = new FileStream(destinationFile, FileMode.Create, FileAccess.Write);
            await response.ResponseStream.CopyToAsync(output, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is "NoSuchKey" or null)
        {
            throw WmsException.NotFound($"{Location}: object {key} not found");
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Fail("download", key, e);
        }
    }

    /// <summary>
    /// Once per store: a HEAD on a missing object and one in a missing bucket both say 404, so
    /// the bucket is checked first and a missing one fails the whole command with one clear line.
    /// </summary>
    private Task CheckBucketAsync(CancellationToken cancellationToken)
    {
        return LazyInitializer.EnsureInitialized(ref _bucketChecked, () => CheckAsync());

        async Task CheckAsync()
        {
            try
            {
                await client.HeadBucketAsync(new HeadBucketRequest { BucketName = location.Bucket }, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new WmsException($"{Location}: bucket '{location.Bucket}' does not exist", WmsErrorKind.DependencyUnavailable, e);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
            {
                // A policy may allow object reads and writes but not HeadBucket (s3:ListBucket): let those decide.
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                throw Fail("reach", "the remote", e);
            }
        }
    }

    private void ApplyEncryption(PutObjectRequest request)
    {
        if (remote?["sse"] is { } sse) request.ServerSideEncryptionMethod = new ServerSideEncryptionMethod(sse);
        if (remote?["sse_kms_key_id"] is { } kmsKey) request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKey;
        if (remote?["acl"] is { } acl) request.CannedACL = new S3CannedACL(acl);
    }

    private async Task<string> MultipartETagAsync(string sourceFile, long size, CancellationToken cancellationToken)
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var count = 0;
        for (long position = 0; position < size; position += PartSize, count++)
            all.AppendData(await Md5OfRangeAsync(sourceFile, position, Math.Min(PartSize, size - position), cancellationToken));
        return Convert.ToHexStringLower(all.GetHashAndReset()) + "-" + count;
    }

    private static async Task<byte[]> Md5OfRangeAsync(string path, long position, long length, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        stream.Position = position;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 16];
        while (length > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
            if (read == 0) break;
            md5.AppendData(buffer, 0, read);
            length -= read;
        }
        return md5.GetHashAndReset();
    }

    private static bool LooksLikeMd5ETag(string etag) =>
        etag.Length == 32 || (etag.Contains('-') && etag.Split('-') is [{ Length: 32 }, _]);

    private static bool IsServiceFailure(Exception e) => e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException;

    private WmsException Fail(string action, string key, Exception e)
    {
        var reason = e switch
        {
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } => "access denied (check the credentials and the bucket policy)",
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => $"bucket '{location.Bucket}' does not exist",
            AmazonServiceException s => $"{s.ErrorCode ?? s.StatusCode.ToString()}: {s.Message}",
            _ => e.Message,
        };
        return new WmsException($"{Location}: cannot {action} {key}: {reason}", WmsErrorKind.DependencyUnavailable, e);
    }
}
