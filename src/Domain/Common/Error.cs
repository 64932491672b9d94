namespace LlmPlatform.Domain.Common;

/// <summary>An expected failure, carried as a value instead of an exception.</summary>
/// <param name="Kind">What class of failure this is.</param>
/// <param name="Code">A stable machine-readable code such as <c>model_not_found</c>.</param>
/// <param name="Message">A human-readable sentence that never contains a secret.</param>
/// <param name="Param">The request field at fault, when there is one.</param>
/// <param name="StatusOverride">A status to use instead of the kind's default (an upstream 4xx keeps its status).</param>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Param = null, int? StatusOverride = null)
{
    public TimeSpan? RetryAfter { get; init; }

    public static Error Validation(string message, string? param = null) =>
        new(ErrorKind.Validation, "invalid_request_error", message, param);

    /// <summary>A required field the request left out (or sent as null): code <c>missing_parameter</c>.</summary>
    public static Error Missing(string param) =>
        new(ErrorKind.Validation, "missing_parameter", $"'{param}' is required.", param);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Unauthorized(string message) => new(ErrorKind.Unauthorized, "invalid_api_key", message);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, "permission_denied", message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, "conflict", message);
}
