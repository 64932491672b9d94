using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Access.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace LlmPlatform.Api.Authentication;

/// <summary>
/// Authenticates every endpoint that is not marked <see cref="AllowAnonymousAttribute"/>: the key comes from
/// <c>Authorization: Bearer</c>, <c>x-api-key</c> (Anthropic clients), <c>api-key</c> (Azure clients) or <c>X-Admin-Key</c> (the SaaS dialect's admin clients).
/// </summary>
internal sealed class ApiKeyMiddleware
{
    private const string ItemKey = "llmplatform.caller";
    private readonly RequestDelegate _next;
    private readonly IApiKeyAuthenticator _authenticator;

    public ApiKeyMiddleware(RequestDelegate next, IApiKeyAuthenticator authenticator)
    {
        _next = next;
        _authenticator = authenticator;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var key = PresentedKey(context.Request);
        if (key is null)
        {
            await ErrorWriter.WriteAsync(context, 401, "No API key was given. Send it as 'Authorization: Bearer <key>'.", "authentication_error", null, "invalid_api_key").ConfigureAwait(false);
            return;
        }

        var result = await _authenticator.AuthenticateAsync(key, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await ErrorWriter.WriteAsync(context, result.Error!).ConfigureAwait(false);
            return;
        }

        var caller = result.Value;
        if (caller.AllowedRoutes.Count > 0 && !IsAllowedRoute(caller.AllowedRoutes, context.Request.Path))
        {
            await ErrorWriter.WriteAsync(context, 403, "This key is not allowed to call this route.", "permission_error", null, "route_not_allowed").ConfigureAwait(false);
            return;
        }

        if (caller.ReadOnly && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await ErrorWriter.WriteAsync(context, 403, "This token's scopes allow only reading (GET): it needs the 'write' scope for this call.", "permission_error", null, "insufficient_scope").ConfigureAwait(false);
            return;
        }

        context.Items[ItemKey] = caller;
        await _next(context).ConfigureAwait(false);
    }

    public static CallerIdentity CallerOf(HttpContext context) =>
        TryCallerOf(context) ?? throw new InvalidOperationException("The endpoint is not behind authentication.");

    /// <summary>The authenticated caller; null when the request did not need (or did not pass) authentication.</summary>
    public static CallerIdentity? TryCallerOf(HttpContext context) => context.Items[ItemKey] as CallerIdentity;

    /// <summary>A key's <c>allowed_routes</c>: exact paths, or prefixes written with a trailing <c>*</c>.</summary>
    private static bool IsAllowedRoute(IReadOnlyList<string> routes, PathString path)
    {
        var value = path.Value ?? string.Empty;
        foreach (var route in routes)
        {
            if (route.EndsWith('*')
                ? value.StartsWith(route[..^1], StringComparison.Ordinal)
                : string.Equals(value, route, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var token = authorization[7..].Trim();
                return token.Length > 0 ? token : null;
            }

            return authorization.Trim();
        }

        var apiKey = request.Headers["x-api-key"].ToString();
        if (apiKey.Length > 0)
        {
            return apiKey.Trim();
        }

        var azureKey = request.Headers["api-key"].ToString();
        if (azureKey.Length > 0)
        {
            return azureKey.Trim();
        }

        // The SaaS dialect's admin clients send the master key this way.
        var adminKey = request.Headers["x-admin-key"].ToString();
        return adminKey.Length > 0 ? adminKey.Trim() : null;
    }
}
