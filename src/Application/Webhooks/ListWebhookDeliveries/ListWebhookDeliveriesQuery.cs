using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Webhooks.ListWebhookDeliveries;

/// <summary><c>GET /webhooks/{id}/deliveries</c>: the webhook's delivery log, newest first (<paramref name="Limit"/> 1 to 100, default 20).</summary>
public sealed record ListWebhookDeliveriesQuery(CallerIdentity Caller, string Id, int? Limit) : IQuery<WebhookDeliveryList>;
