using System.Text.Json;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Errors;

/// <summary>Where the Anthropic dialect answers errors in its own envelope, and with which error types.</summary>
public static class AnthropicErrors
{
    /// <summary>True for Anthropic's Messages paths (<c>/v1/messages</c>, <c>/messages</c> and below).</summary>
    public static bool Applies(PathString path) =>
        path.StartsWithSegments("/v1/messages", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/messages", StringComparison.OrdinalIgnoreCase);

    public static string TypeFor(int status) => status switch
    {
        400 or 409 or 422 => "invalid_request_error",
        401 => "authentication_error",
        402 or 403 => "permission_error",
        404 or 405 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        _ => "api_error",
    };

    public static AnthropicErrorEnvelope Envelope(int status, string message) =>
        new() { Error = new AnthropicErrorBody { Type = TypeFor(status), Message = message } };

    /// <summary>Writes the envelope (with the request id) as the whole response.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var envelope = Envelope(status, message) with { RequestId = RequestIdMiddleware.Of(context) };
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, ApiJsonContext.Default.AnthropicErrorEnvelope, context.RequestAborted).ConfigureAwait(false);
    }

    public static AnthropicErrorEnvelope Envelope(Error error) => Envelope(ErrorMapping.StatusOf(error), error.Message);
}
