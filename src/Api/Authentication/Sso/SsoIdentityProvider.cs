using System.Net.Http.Headers;
using System.Text.Json;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Authentication.Sso;

/// <summary>Talks to the OpenID Connect provider: trades a login's code for an access token, then reads who logged in.</summary>
public sealed class SsoIdentityProvider : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout };

    public SsoIdentityProvider(SsoSettings? settings)
    {
        Settings = settings;
    }

    /// <summary>Null when SSO is not configured.</summary>
    public SsoSettings? Settings { get; }

    /// <summary>The provider's login page for a new login with this <paramref name="state"/>.</summary>
    public Uri LoginUrl(SsoSettings settings, string state)
    {
        var query = string.Join('&', new[]
        {
            ("response_type", "code"),
            ("client_id", settings.ClientId),
            ("redirect_uri", settings.RedirectUri.ToString()),
            ("scope", settings.Scope),
            ("state", state),
        }.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
        var endpoint = settings.AuthorizationEndpoint.ToString();
        return new Uri(endpoint + (endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    /// <summary>Who logged in: the provider's user info for the login's code.</summary>
    public async Task<Result<JsonElement>> UserOfAsync(SsoSettings settings, string code, CancellationToken cancellationToken)
    {
        try
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = settings.RedirectUri.ToString(),
                ["client_id"] = settings.ClientId,
                ["client_secret"] = settings.ClientSecret,
            });
            using var tokenResponse = await _http.PostAsync(settings.TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            if (!tokenResponse.IsSuccessStatusCode)
            {
                return Refused($"The identity provider refused the login's code (HTTP {(int)tokenResponse.StatusCode}).", 401);
            }

            using var token = await ReadJsonAsync(tokenResponse, cancellationToken).ConfigureAwait(false);
            if (token is null || !token.RootElement.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String)
            {
                return Refused("The identity provider's token answer has no access_token.", 502);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, settings.UserInfoEndpoint);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.GetString());
            using var userResponse = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            using var user = userResponse.IsSuccessStatusCode ? await ReadJsonAsync(userResponse, cancellationToken).ConfigureAwait(false) : null;
            return user is { RootElement.ValueKind: JsonValueKind.Object }
                ? user.RootElement.Clone()
                : Refused($"The identity provider did not answer the user info (HTTP {(int)userResponse.StatusCode}).", 502);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Refused("The identity provider could not be reached.", 502);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Error Refused(string message, int status) =>
        status == 401
            ? Error.Unauthorized(message) with { Code = "sso_login_refused" }
            : new Error(ErrorKind.Upstream, "sso_provider_error", message, null, status);
}
