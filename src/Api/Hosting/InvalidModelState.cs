using System.Text.Json;
using System.Text.RegularExpressions;
using LlmPlatform.Api.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LlmPlatform.Api.Hosting;

/// <summary>Turns body-binding failures (malformed JSON, wrong types, a missing body) into a 400 in the envelope.</summary>
internal static partial class InvalidModelState
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
        if (UndecodableText.In(exception))
        {
            return (400, UndecodableText.Message, param, "invalid_text");
        }

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

    /// <summary>
    /// Keeps .NET type names out of messages a client reads: the serializer's "could not be converted to
    /// System.Collections.Generic.IReadOnlyList`1[...]. Path: $.messages | ..." becomes "'messages' must be an array.",
    /// and any other type name left in a message becomes "the expected type".
    /// </summary>
    private static string Sanitize(string message)
    {
        var conversion = ConversionFailure().Match(message);
        if (conversion.Success)
        {
            var path = conversion.Groups["path"].Value;
            var expected = Expected(conversion.Groups["type"].Value);
            if (path.Length == 0)
            {
                return expected is null ? "The request body must be a JSON object." : $"The request body must be {expected}.";
            }

            return expected is null ? $"'{path}' has the wrong type." : $"'{path}' must be {expected}.";
        }

        return TypeName().Replace(message, "the expected type");
    }

    /// <summary>What a JSON value of a .NET type looks like, for the types whose JSON form is plain; null for the rest.</summary>
    private static string? Expected(string type)
    {
        const string Nullable = "System.Nullable`1[";
        var underlying = type.StartsWith(Nullable, StringComparison.Ordinal) && type.EndsWith(']') ? type[Nullable.Length..^1] : type;
        return underlying switch
        {
            "System.String" or "System.Guid" => "a string",
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" or "System.UInt32" or "System.UInt64" => "an integer",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "a boolean",
            "System.DateTime" or "System.DateTimeOffset" or "System.DateOnly" => "a date string",
            _ when underlying.EndsWith("[]", StringComparison.Ordinal) || underlying.Contains("List`1[", StringComparison.Ordinal)
                || underlying.Contains("IEnumerable`1[", StringComparison.Ordinal) || underlying.Contains("Collection`1[", StringComparison.Ordinal)
                || underlying.Contains("Set`1[", StringComparison.Ordinal) => "an array",
            _ when underlying.Contains("Dictionary`2[", StringComparison.Ordinal) => "an object",
            _ => null,
        };
    }

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>.+?)\. Path: \$\.?(?<path>\S*) \| LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex ConversionFailure();

    /// <summary>A namespace-qualified .NET type name, generic arguments included.</summary>
    [GeneratedRegex(@"'?\b(?:System|Microsoft|LlmPlatform)\.[\w.`+]+(?:\[[\w.`+\[\], ]*\])?'?")]
    private static partial Regex TypeName();

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
