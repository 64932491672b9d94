using System.Security.Cryptography;
using System.Text;

namespace LlmPlatform.Api.Authentication.Sso;

/// <summary>
/// Single sign-on with an OpenID Connect provider (authorization code flow), configured with LiteLLM's generic SSO
/// environment variables: <c>GENERIC_CLIENT_ID</c>, <c>GENERIC_CLIENT_SECRET</c>, <c>GENERIC_AUTHORIZATION_ENDPOINT</c>,
/// <c>GENERIC_TOKEN_ENDPOINT</c>, <c>GENERIC_USERINFO_ENDPOINT</c>, <c>PROXY_BASE_URL</c> (the redirect URI is its
/// <c>/sso/callback</c>), and optionally <c>GENERIC_SCOPE</c> (default <c>openid email profile</c>),
/// <c>GENERIC_USER_ID_ATTRIBUTE</c> (default <c>sub</c>) and <c>GENERIC_USER_EMAIL_ATTRIBUTE</c> (default <c>email</c>).
/// </summary>
public sealed record SsoSettings
{
    private static readonly string[] Required =
    [
        "GENERIC_CLIENT_ID", "GENERIC_CLIENT_SECRET", "GENERIC_AUTHORIZATION_ENDPOINT", "GENERIC_TOKEN_ENDPOINT",
        "GENERIC_USERINFO_ENDPOINT", "PROXY_BASE_URL",
    ];

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required Uri AuthorizationEndpoint { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public required Uri UserInfoEndpoint { get; init; }

    public required Uri RedirectUri { get; init; }

    public string Scope { get; init; } = "openid email profile";

    public string UserIdAttribute { get; init; } = "sub";

    public string EmailAttribute { get; init; } = "email";

    /// <summary>Signs the <c>state</c> of a login; derived from the master key, so every node accepts every node's.</summary>
    public required byte[] StateKey { get; init; }

    /// <summary>The settings, or null when SSO is not configured (no <c>GENERIC_CLIENT_ID</c>).</summary>
    /// <exception cref="ArgumentException">SSO is half configured, or a URL is not absolute http(s), or there is no master key.</exception>
    public static SsoSettings? From(Func<string, string?> environment, string? masterKey)
    {
        if (string.IsNullOrEmpty(environment("GENERIC_CLIENT_ID")))
        {
            return null;
        }

        var missing = Required.Where(name => string.IsNullOrEmpty(environment(name))).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"SSO is configured (GENERIC_CLIENT_ID is set) but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not.");
        }

        if (string.IsNullOrEmpty(masterKey))
        {
            throw new ArgumentException("SSO needs a master key (LLMPLATFORM_MASTER_KEY) to sign its login state.");
        }

        return new SsoSettings
        {
            ClientId = environment("GENERIC_CLIENT_ID")!,
            ClientSecret = environment("GENERIC_CLIENT_SECRET")!,
            AuthorizationEndpoint = Url(environment, "GENERIC_AUTHORIZATION_ENDPOINT"),
            TokenEndpoint = Url(environment, "GENERIC_TOKEN_ENDPOINT"),
            UserInfoEndpoint = Url(environment, "GENERIC_USERINFO_ENDPOINT"),
            RedirectUri = new Uri(Url(environment, "PROXY_BASE_URL").ToString().TrimEnd('/') + "/sso/callback"),
            Scope = environment("GENERIC_SCOPE") is { Length: > 0 } scope ? scope : "openid email profile",
            UserIdAttribute = environment("GENERIC_USER_ID_ATTRIBUTE") is { Length: > 0 } id ? id : "sub",
            EmailAttribute = environment("GENERIC_USER_EMAIL_ATTRIBUTE") is { Length: > 0 } email ? email : "email",
            StateKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(masterKey), "llmplatform sso state"u8),
        };
    }

    private static Uri Url(Func<string, string?> environment, string name) =>
        Uri.TryCreate(environment(name), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{name} must be an absolute http(s) URL.");
}
