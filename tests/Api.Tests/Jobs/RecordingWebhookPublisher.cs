using System.Collections.Concurrent;
using LlmPlatform.Application.Webhooks;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>Keeps the webhook events the platform publishes, for tests to inspect.</summary>
internal sealed class RecordingWebhookPublisher : IWebhookEventPublisher
{
    private readonly ConcurrentQueue<WebhookEvent> _events = new();

    public IReadOnlyCollection<WebhookEvent> Events => _events.ToArray();

    public Task PublishAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}
