using System.Globalization;
using System.Text.Json;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Errors;

/// <summary>Writes error responses in the OpenAI envelope, or in the Anthropic or SaaS dialect's own on their paths.</summary>
public static class ErrorWriter
{
    public static Task WriteAsync(HttpContext context, Error error)
    {
        var status = ErrorMapping.StatusOf(error);
        if (error.RetryAfter is { } retryAfter && status is 429 or 503)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, status, error.Message, ErrorMapping.TypeOf(error, status), error.Param, error.Code);
    }

    public static async Task WriteAsync(HttpContext context, int status, string message, string type, string? param, string? code)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        if (AnthropicErrors.Applies(context.Request.Path))
        {
            await AnthropicErrors.WriteAsync(context, status, message).ConfigureAwait(false);
            return;
        }

        if (ConnectorErrors.Applies(context.Request.Path))
        {
            await ConnectorErrors.WriteAsync(context, status, message).ConfigureAwait(false);
            return;
        }

        if (SaasErrors.Applies(context.Request.Path))
        {
            await SaasErrors.WriteAsync(context, status, message, type, param, code).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var envelope = new ErrorEnvelope
        {
            Error = new ErrorBody { Message = message, Type = type, Param = param, Code = code },
            RequestId = Hosting.RequestIdMiddleware.Of(context),
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, ApiJsonContext.Default.ErrorEnvelope, context.RequestAborted).ConfigureAwait(false);
    }

    public static byte[] Serialize(Error error)
    {
        var status = ErrorMapping.StatusOf(error);
        var envelope = new ErrorEnvelope
        {
            Error = new ErrorBody { Message = error.Message, Type = ErrorMapping.TypeOf(error, status), Param = error.Param, Code = error.Code },
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, ApiJsonContext.Default.ErrorEnvelope);
    }
}
