namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>A stored provider key as it is shown: masked, never whole.</summary>
public sealed record ProviderKeyInfo
{
    public required string Id { get; init; }

    public required string Provider { get; init; }

    public string CredentialType { get; init; } = "api_key";

    public required string MaskedKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
