using System.Globalization;
using LlmPlatform.Application.Access.Enforcement;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Writes OpenAI's <c>x-ratelimit-*</c> headers from the request's <see cref="RateLimitHeaders"/> just before the
/// response starts, so they are on answers, errors and streams alike.
/// </summary>
internal sealed class RateLimitHeadersMiddleware
{
    private readonly RequestDelegate _next;

    public RateLimitHeadersMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => Write((HttpContext)state), context);
        return _next(context);
    }

    private static Task Write(HttpContext context)
    {
        var limits = context.RequestServices.GetService<RateLimitHeaders>();
        if (limits is not { HasValues: true })
        {
            return Task.CompletedTask;
        }

        var headers = context.Response.Headers;
        if (limits.LimitRequests is { } limitRequests)
        {
            headers["x-ratelimit-limit-requests"] = limitRequests.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-remaining-requests"] = limits.RemainingRequests!.Value.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-reset-requests"] = Duration(limits.ResetRequests!.Value);
        }

        if (limits.LimitTokens is { } limitTokens)
        {
            headers["x-ratelimit-limit-tokens"] = limitTokens.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-remaining-tokens"] = limits.RemainingTokens!.Value.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-reset-tokens"] = Duration(limits.ResetTokens!.Value);
        }

        return Task.CompletedTask;
    }

    /// <summary>OpenAI's duration format: <c>1s</c>, <c>6m0s</c>, <c>0.5s</c>.</summary>
    private static string Duration(TimeSpan value)
    {
        var seconds = Math.Max(0, value.TotalSeconds);
        if (seconds < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds, 3)}s");
        }

        var minutes = (int)(seconds / 60);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes}m{Math.Round(seconds - (minutes * 60), 3)}s");
    }
}
