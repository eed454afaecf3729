using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Wms.Serving.Models;
using Wms.Serving.Observability;

namespace Wms.Serving.Inference;

/// <summary>
/// Inference off the request threads: a fixed set of dedicated worker threads fed by a bounded
/// queue. When the queue is full a request is refused at once (503 + Retry-After) instead of
/// waiting without bound. Workers stop only when the app is disposed, i.e. after the server has
/// drained its requests at shutdown.
/// </summary>
internal sealed class InferenceQueue : IDisposable
{
    private readonly Channel<InferenceJob> _channel;
    private readonly Thread[] _workers;
    private readonly CurrentModel _model;
    private readonly PredictionPipeline _pipeline;
    private readonly ServingMetrics _metrics;
    private readonly ILogger<InferenceQueue> _logger;

    public InferenceQueue(IOptions<InferenceQueueOptions> options, CurrentModel model, PredictionPipeline pipeline,
        ServingMetrics metrics, ILogger<InferenceQueue> logger)
    {
        (_model, _pipeline, _metrics, _logger) = (model, pipeline, metrics, logger);
        Capacity = options.Value.EffectiveQueueCapacity;
        _channel = Channel.CreateBounded<InferenceJob>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
        _workers = new Thread[options.Value.EffectiveConcurrency];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"wms-inference-{i}" };
            _workers[i].Start();
        }
        ServingLog.QueueStarted(logger, _workers.Length, options.Value.ConcurrentInferences, Capacity);
    }

    public int Capacity { get; }

    public int Workers => _workers.Length;

    /// <summary>Queues the job, or returns false at once when the queue is full.</summary>
    public bool TryEnqueue(InferenceJob job)
    {
        if (!_channel.Writer.TryWrite(job))
        {
            ServingLog.QueueFull(_logger, Capacity);
            return false;
        }
        _metrics.QueueDepth.Set(_channel.Reader.Count);
        return true;
    }

    /// <summary>Queues the job, waiting for room (batches, which already hold their place in line).</summary>
    public async ValueTask EnqueueAsync(InferenceJob job, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(job, cancellationToken);
        _metrics.QueueDepth.Set(_channel.Reader.Count);
    }

    private void Work()
    {
        var reader = _channel.Reader;
        // A dedicated thread may block while idle; it never holds a thread-pool thread.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var job))
            {
                _metrics.QueueDepth.Set(reader.Count);
                Process(job);
            }
        }
    }

    private void Process(InferenceJob job)
    {
        if (job.CancellationToken.IsCancellationRequested)
        {
            job.Cancel();
            return;
        }
        using var lease = _model.Acquire();
        if (lease is null)
        {
            job.Fail(new PredictionFailure(PredictionError.NoModel, "no model is loaded yet; see /ready"));
            return;
        }
        _metrics.BusyWorkers.Inc();
        try
        {
            job.Succeed(_pipeline.Run(job.Image, lease.Model));
        }
        catch (PredictionFailure e)
        {
            job.Fail(e);
        }
        catch (OutOfMemoryException e)
        {
            // The photo's size or the load, not the model: model_error would page for a bad model.
            ServingLog.InferenceFailed(_logger, e, job.Image.Name, lease.Model.Descriptor.Version);
            job.Fail(new PredictionFailure(PredictionError.OutOfMemory, $"{job.Image.Name}: not enough memory to predict it now", e));
        }
        catch (Exception e)
        {
            ServingLog.InferenceFailed(_logger, e, job.Image.Name, lease.Model.Descriptor.Version);
            job.Fail(new PredictionFailure(PredictionError.ModelError, $"{job.Image.Name}: inference failed on model {lease.Model.Descriptor.Version}", e));
        }
        finally
        {
            _metrics.BusyWorkers.Dec();
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        foreach (var worker in _workers) worker.Join(TimeSpan.FromSeconds(30));
    }
}
