using System.Collections.Concurrent;
using LlmPlatform.Application.Webhooks;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>Keeps every webhook event the platform publishes, for tests to inspect.</summary>
internal sealed class RecordingWebhookPublisher : IWebhookEventPublisher
{
    private readonly ConcurrentQueue<WebhookEvent> _events = new();

    public IReadOnlyList<WebhookEvent> Events => _events.ToArray();

    public Task PublishAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}
