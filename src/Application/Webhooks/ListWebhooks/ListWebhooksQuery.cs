using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Webhooks.ListWebhooks;

/// <summary><c>GET /webhooks</c>.</summary>
public sealed record ListWebhooksQuery(CallerIdentity Caller) : IQuery<WebhookList>;
