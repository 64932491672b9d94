using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Security;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// Encrypts webhook signing secrets (and Authorization header values) with <see cref="CredentialCipher"/> (AES-GCM), bound to the webhook's id. The key
/// comes from <c>general_settings.encryption_key</c>, or the master key when none is set (as LiteLLM does).
/// </summary>
internal sealed class WebhookSecretCipher
{
    private readonly CredentialCipher _cipher;

    public WebhookSecretCipher(PlatformConfiguration configuration)
    {
        _cipher = new CredentialCipher(configuration.General.EncryptionKey is { Length: > 0 } key ? key : configuration.General.MasterKey);
    }

    public bool IsConfigured => _cipher.IsConfigured;

    public string Encrypt(string webhookId, string secret) => _cipher.Encrypt(secret, Context(webhookId, "secret"));

    public Result<string> Decrypt(string webhookId, string stored) => _cipher.Decrypt(stored, Context(webhookId, "secret"));

    /// <summary>The Authorization header value a webhook's deliveries carry, bound to the webhook like its secret.</summary>
    public string EncryptAuthHeader(string webhookId, string value) => _cipher.Encrypt(value, Context(webhookId, "auth_header"));

    public Result<string> DecryptAuthHeader(string webhookId, string stored) => _cipher.Decrypt(stored, Context(webhookId, "auth_header"));

    private static string Context(string webhookId, string field) => "webhook:" + webhookId + ":" + field;
}
