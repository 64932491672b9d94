namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>What the gateway-user dialect writes in the metadata of the keys it makes, to tell its tokens apart.</summary>
internal static class TokenMetadata
{
    public const string Kind = "gateway_user_key";

    public const string SessionKind = "session";

    public const string TokenKind = "token";

    public const string Name = "token_name";

    public const string Scopes = "scopes";
}
