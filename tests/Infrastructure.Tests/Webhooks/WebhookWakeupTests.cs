using LlmPlatform.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Infrastructure.Tests.Webhooks;

/// <summary>
/// The wakeup is a singleton shared by the delivery worker and the request path. When a shutdown overruns its timeout
/// the host disposes the container while the worker still runs; the worker's next wait, and a request's signal, must
/// then end quietly rather than with an <see cref="ObjectDisposedException"/> that fails the worker.
/// </summary>
public sealed class WebhookWakeupTests
{
    [Test]
    public async Task Wakeup_AfterItsContainerIsDisposed_StillSignalsAndWaits()
    {
        var services = new ServiceCollection().AddSingleton<WebhookWakeup>().BuildServiceProvider();
        var wakeup = services.GetRequiredService<WebhookWakeup>();
        await services.DisposeAsync();

        var waitAfterDisposal = async () =>
        {
            wakeup.Signal();
            await wakeup.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        };

        await waitAfterDisposal.Should().NotThrowAsync();
    }

    [Test]
    public async Task Wait_EndsAtTheSignal_AndASignalIsConsumedOnce()
    {
        var wakeup = new WebhookWakeup();
        var waiting = wakeup.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse("nothing has signalled");

        wakeup.Signal();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        var started = TimeProvider.System.GetTimestamp();
        await wakeup.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250), "the signal was used up by the first wait");
    }

    [Test]
    public async Task Signal_WithNoWaitUnderWay_EndsTheNextWait_AndCancellationThrows()
    {
        var wakeup = new WebhookWakeup();
        wakeup.Signal();
        wakeup.Signal();

        await wakeup.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cancelledWait = () => wakeup.WaitAsync(TimeSpan.FromMinutes(5), cancelled.Token);
        await cancelledWait.Should().ThrowAsync<OperationCanceledException>();
    }
}
