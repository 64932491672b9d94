using System.Text.Json;
using LlmPlatform.Api.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LlmPlatform.Api.Hosting;

/// <summary>Turns body-binding failures (malformed JSON, wrong types, a missing body) into a 400 in the envelope.</summary>
internal static class InvalidModelState
{
    public static IActionResult Respond(ActionContext context)
    {
        // JSON errors carry a path ("$.temperature"); prefer them over the generic "field is required" entry.
        var entries = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key.StartsWith('$') ? 0 : 1)
            .ToList();
        foreach (var (key, entry) in entries)
        {
            foreach (var error in entry!.Errors)
            {
                var message = string.IsNullOrEmpty(error.ErrorMessage) ? error.Exception?.Message ?? "Invalid request." : error.ErrorMessage;
                if (IsQueryOrRouteValue(context, key) && error.Exception is not BadHttpRequestException { StatusCode: 413 })
                {
                    // A query string or route value of the wrong type ("limit=abc"): name it; the body is not at fault.
                    return new ErrorEnvelopeResult(400, Sanitize($"'{key}' is not valid: {message}"), key, "invalid_request_error");
                }

                var (status, text, param, code) = BodyError(key, message, error.Exception);
                return new ErrorEnvelopeResult(status, text, param, code);
            }
        }

        return new ErrorEnvelopeResult(400, "The request is not valid.", null, "invalid_request_error");
    }

    /// <summary>The envelope for a JSON body that could not be read, for endpoints that read their body themselves.</summary>
    public static Task WriteAsync(HttpContext context, JsonException exception)
    {
        var (status, message, param, code) = BodyError(exception.Path ?? string.Empty, exception.Message, exception);
        return ErrorWriter.WriteAsync(context, status, message, "invalid_request_error", param, code);
    }

    /// <summary>The envelope for a request body larger than the server accepts.</summary>
    public static Task WriteTooLargeAsync(HttpContext context) =>
        ErrorWriter.WriteAsync(context, 413, TooLarge, "invalid_request_error", null, "request_too_large");

    /// <summary>The envelope for a request without a body.</summary>
    public static Task WriteMissingBodyAsync(HttpContext context) =>
        ErrorWriter.WriteAsync(context, 400, MissingBody, "invalid_request_error", null, "invalid_request_error");

    private const string TooLarge = "The request body is larger than this server accepts.";
    private const string MissingBody = "The request needs a JSON body.";

    private static (int Status, string Message, string? Param, string Code) BodyError(string key, string message, Exception? exception)
    {
        if (exception is BadHttpRequestException { StatusCode: 413 })
        {
            return (413, TooLarge, null, "request_too_large");
        }

        var param = ParamOf(key);
        if (message.Contains("non-empty request body is required", StringComparison.Ordinal))
        {
            message = MissingBody;
        }
        else if (param is null && key.Length > 0 && !key.StartsWith('$'))
        {
            // A model-binding key without a JSON path: the body itself is not valid JSON of the expected shape.
            message = "The request body is not valid JSON: " + message;
        }

        return (400, Sanitize(message), param, "invalid_request_error");
    }

    private static bool IsQueryOrRouteValue(ActionContext context, string key) =>
        context.ActionDescriptor.Parameters.Any(p =>
            string.Equals(p.BindingInfo?.BinderModelName ?? p.Name, key, StringComparison.OrdinalIgnoreCase)
            && (p.BindingInfo?.BindingSource == BindingSource.Query || p.BindingInfo?.BindingSource == BindingSource.Path));

    private static string? ParamOf(string key)
    {
        if (!key.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var path = key[2..];
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    /// <summary>Keeps .NET type names out of messages a client reads.</summary>
    private static string Sanitize(string message) =>
        message.Replace("System.Nullable`1[System.Double]", "a number", StringComparison.Ordinal)
            .Replace("System.Nullable`1[System.Int32]", "an integer", StringComparison.Ordinal)
            .Replace("System.Nullable`1[System.Int64]", "an integer", StringComparison.Ordinal)
            .Replace("System.Nullable`1[System.Boolean]", "a boolean", StringComparison.Ordinal)
            .Replace("System.String", "a string", StringComparison.Ordinal);

    private sealed class ErrorEnvelopeResult : IActionResult
    {
        private readonly int _status;
        private readonly string _message;
        private readonly string? _param;
        private readonly string _code;

        public ErrorEnvelopeResult(int status, string message, string? param, string code)
        {
            _status = status;
            _message = message;
            _param = param;
            _code = code;
        }

        public Task ExecuteResultAsync(ActionContext context) =>
            ErrorWriter.WriteAsync(context.HttpContext, _status, _message, "invalid_request_error", _param, _code);
    }
}
