namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>Wakes this node's delivery worker when an event was stored here, so a first attempt does not wait for the next poll.</summary>
/// <remarks>
/// Holds nothing to dispose, on purpose: a shutdown that overruns its timeout disposes the container while the worker
/// may still wait here and requests still signal, and neither may then fail.
/// </remarks>
internal sealed class WebhookWakeup
{
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>Ends the current wait, or the next one when none is under way; signals in between count once.</summary>
    public void Signal() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Waits for a signal or the timeout; throws only when cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal);
        await signal.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        if (signal.Task.IsCompleted)
        {
            // Consumed. A signal that lands on it before the swap is not lost: the worker looks at the outbox next,
            // after the event behind that signal was stored.
            Interlocked.CompareExchange(ref _signal, NewSignal(), signal);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
