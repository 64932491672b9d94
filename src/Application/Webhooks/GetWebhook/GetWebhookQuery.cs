using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Webhooks.GetWebhook;

/// <summary><c>GET /webhooks/{id}</c>.</summary>
public sealed record GetWebhookQuery(CallerIdentity Caller, string Id) : IQuery<WebhookView>;
