using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Webhooks.DeleteWebhook;

/// <summary><c>DELETE /webhooks/{id}</c>: the webhook and its pending deliveries go.</summary>
public sealed record DeleteWebhookCommand(CallerIdentity Caller, string Id) : ICommand<WebhookDeleted>;
