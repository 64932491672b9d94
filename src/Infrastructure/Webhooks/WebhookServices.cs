using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>Registers webhooks: the store, the URL guard, the outbox publisher, the delivery worker and the alert sources.</summary>
internal static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSecretCipher>();
        services.AddSingleton(sp => new WebhookAllowList(sp.GetRequiredService<PlatformConfiguration>()));
        services.AddSingleton<IWebhookUrlGuard, WebhookUrlGuard>();
        services.AddSingleton<IWebhookStore, WebhookStore>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookWakeup>();
        services.AddSingleton<OutboxWebhookEventPublisher>();
        services.AddSingleton<IWebhookEventPublisher>(sp => sp.GetRequiredService<OutboxWebhookEventPublisher>());
        services.AddSingleton<WebhookRetrySchedule>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveryWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<WebhookDeliveryWorker>());
        services.AddSingleton<WebhookAlertQueue>();
        services.AddSingleton<IUsageLimitAlertSink>(sp => sp.GetRequiredService<WebhookAlertQueue>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<WebhookAlertQueue>());
        services.AddSingleton<IBudgetAlertSink, WebhookBudgetAlertSink>();
        services.AddSingleton<KeyExpiryWatcher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<KeyExpiryWatcher>());
        return services;
    }
}
