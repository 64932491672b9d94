using LlmPlatform.Application.Webhooks;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Events as log lines, until the webhook module delivers them.</summary>
internal sealed partial class LoggingWebhookEventPublisher : IWebhookEventPublisher
{
    private readonly ILogger<LoggingWebhookEventPublisher> _logger;

    public LoggingWebhookEventPublisher(ILogger<LoggingWebhookEventPublisher> logger)
    {
        _logger = logger;
    }

    public Task PublishAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        LogEvent(_logger, webhookEvent.Type, webhookEvent.Owner ?? "deployment");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {Type} for {Owner}")]
    private static partial void LogEvent(ILogger logger, string type, string owner);
}
