using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>The body of <c>/credentials/new</c> and <c>/credentials/update</c> (LiteLLM's <c>CredentialItem</c>).</summary>
public sealed record CredentialRequest
{
    public string? CredentialName { get; init; }

    public Dictionary<string, string?>? CredentialValues { get; init; }

    public JsonElement? CredentialInfo { get; init; }
}
