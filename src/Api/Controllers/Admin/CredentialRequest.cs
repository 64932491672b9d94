using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>The body of <c>/credentials/new</c> and <c>/credentials/update</c> (LiteLLM's <c>CredentialItem</c>).</summary>
public sealed record CredentialRequest
{
    public string? CredentialName { get; init; }

    /// <summary>Accepted in place of <see cref="CredentialName"/>: a credential's name is its id.</summary>
    public string? CredentialId { get; init; }

    /// <summary>Accepted in place of <see cref="CredentialName"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Kept in <c>credential_info.custom_llm_provider</c>.</summary>
    public string? Provider { get; init; }

    public string? NameGiven() => CredentialName ?? CredentialId ?? Name;

    public Dictionary<string, string?>? CredentialValues { get; init; }

    public JsonElement? CredentialInfo { get; init; }
}
