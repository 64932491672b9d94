using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.Credentials;

/// <summary>The expected failures of credential management.</summary>
public static class CredentialErrors
{
    public static Error NoEncryptionKey { get; } = Error.Validation(
        "Credentials cannot be stored: no encryption key is configured. Set general_settings.encryption_key (or salt_key) or the LLMPLATFORM_ENCRYPTION_KEY environment variable.");

    public static Error NotFound(string name) => Error.NotFound("credential_not_found", $"No credential is named '{name}'.");

    public static Error ReadOnly(string name) => Error.Validation(
        $"The credential '{name}' is defined in the configuration file's credential_list and cannot be changed through the API.",
        "credential_name");

    public static Error NameRequired { get; } = Error.Validation("credential_name is required.", "credential_name");
}
