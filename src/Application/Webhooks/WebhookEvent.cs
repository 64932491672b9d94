using System.Text.Json.Nodes;

namespace LlmPlatform.Application.Webhooks;

/// <summary>
/// Something that happened, for the webhooks subscribed to its type. <see cref="Owner"/> is the
/// <see cref="Access.Authentication.CallerIdentity.Owner"/> it concerns (null: the whole deployment); it reaches the
/// owner's webhooks and the admins' ones.
/// </summary>
public sealed record WebhookEvent(string Type, JsonObject Data, string? Owner);
