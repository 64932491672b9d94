using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Webhooks;

/// <summary>The expected failures of webhook management.</summary>
public static class WebhookErrors
{
    public static Error NotFound(string id) => Error.NotFound("webhook_not_found", $"No webhook has the id '{id}'.");

    public static Error NoEncryptionKey { get; } = Error.Validation(
        "Webhooks cannot be stored: no key is configured to encrypt their secrets. Set general_settings.encryption_key or the LLMPLATFORM_ENCRYPTION_KEY environment variable.");

    public static Error NotYourTeam(string teamId) => Error.Forbidden($"API key does not belong to team '{teamId}'");

    public static Error UrlRefused(string why) => Error.Validation("url is not allowed: " + why, "url");
}
