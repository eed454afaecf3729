namespace Wms.Core.Predictions;

/// <summary>How a batch uses the cores: photos in flight at once, and ONNX Runtime threads per inference.</summary>
/// <param name="Threads">Cores to use in all.</param>
/// <param name="PhotosInParallel">Photos decoded, predicted and written at once.</param>
/// <param name="IntraOpThreads">ONNX Runtime threads per inference.</param>
public sealed record ThreadPlan(int Threads, int PhotosInParallel, int IntraOpThreads)
{
    /// <summary>
    /// <paramref name="threads"/> cores (0 = all). By default one photo per core, each inference on
    /// its own thread: decoding, resizing and PNG encoding are single-threaded, so photos side by
    /// side keep every core busy, where one photo at a time leaves cores idle outside inference.
    /// <paramref name="photosInParallel"/> overrides it; the threads are then shared among the photos.
    /// </summary>
    public static ThreadPlan For(int threads, int photosInParallel, int photoCount)
    {
        if (ThreadLimits.Problem(threads) is { } problem) throw new WmsException($"--threads: {problem}");
        if (photosInParallel is < 0 or > ThreadLimits.Max)
            throw new WmsException($"--parallel: must be between 0 (automatic) and {ThreadLimits.Max}, not {photosInParallel}");
        var total = threads == 0 ? Environment.ProcessorCount : threads;
        var parallel = photosInParallel == 0 ? total : photosInParallel;
        parallel = Math.Clamp(parallel, 1, Math.Max(1, photoCount));
        return new ThreadPlan(total, parallel, Math.Max(1, total / parallel));
    }
}
