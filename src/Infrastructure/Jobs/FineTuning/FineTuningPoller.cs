using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Jobs.FineTuning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Jobs.FineTuning;

/// <summary>
/// Keeps the local mirror of active fine-tuning jobs current: every <c>general_settings.fine_tuning_poll_seconds</c>
/// each due job is claimed (one node at a time), polled at its provider, and handled once it ends.
/// </summary>
internal sealed partial class FineTuningPoller : BackgroundService
{
    private const int ClaimBatch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxTick = TimeSpan.FromSeconds(5);

    private readonly IFineTuningStore _store;
    private readonly FineTuningJobSync _sync;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<FineTuningPoller> _logger;

    public FineTuningPoller(IFineTuningStore store, FineTuningJobSync sync, TimeProvider time, PlatformConfiguration configuration, ILogger<FineTuningPoller> logger)
    {
        _store = store;
        _sync = sync;
        _time = time;
        _interval = configuration.General.FineTuningPollInterval;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = _interval < MaxTick ? _interval : MaxTick;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The poller outlives any one failure (PostgreSQL down, say): it logs and tries again next tick.
                LogPollFailed(_logger, ex);
            }

            try
            {
                await Task.Delay(tick, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var due = await _store.ClaimDueAsync(now, now + Lease, ClaimBatch, cancellationToken).ConfigureAwait(false);
            foreach (var job in due)
            {
                try
                {
                    await _sync.SyncAsync(job, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    // One job's failure must not hold back the others; it is polled again next time.
                    LogJobFailed(_logger, job.Id, ex);
                }

                await _store.RescheduleAsync(job.Id, _time.GetUtcNow() + _interval, cancellationToken).ConfigureAwait(false);
            }

            if (due.Count < ClaimBatch)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the fine-tuning job {JobId} failed; trying again later")]
    private static partial void LogJobFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling fine-tuning jobs failed; trying again later")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
