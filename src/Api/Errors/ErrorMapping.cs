using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Errors;

/// <summary>
/// Maps an <see cref="Error"/> to an HTTP status and an error type: OpenAI's types, with <c>not_found_error</c> for a
/// 404 as the Platform API (seed 001) and LiteLLM's proxy name it.
/// </summary>
public static class ErrorMapping
{
    public static int StatusOf(Error error) => error.Kind switch
    {
        ErrorKind.Validation => error.StatusOverride ?? 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.PayloadTooLarge => 413,
        ErrorKind.RateLimited or ErrorKind.BudgetExceeded => 429,
        ErrorKind.Unavailable => 503,
        ErrorKind.Timeout => 504,
        ErrorKind.Upstream => error.StatusOverride switch
        {
            null => 502,
            501 => 501,
            >= 500 => 502,
            >= 400 and < 500 => error.StatusOverride.Value,
            _ => 502,
        },
        _ => 500,
    };

    public static string TypeOf(Error error, int status) => error.Kind switch
    {
        ErrorKind.Validation or ErrorKind.Conflict or ErrorKind.PayloadTooLarge => "invalid_request_error",
        ErrorKind.NotFound => "not_found_error",
        ErrorKind.Unauthorized => "authentication_error",
        ErrorKind.Forbidden => "permission_error",
        ErrorKind.RateLimited => "rate_limit_error",
        ErrorKind.BudgetExceeded => "budget_exceeded",
        ErrorKind.Unavailable => "service_unavailable",
        ErrorKind.Timeout => "timeout_error",
        _ => status switch
        {
            400 or 409 or 413 or 422 => "invalid_request_error",
            404 => "not_found_error",
            401 => "authentication_error",
            403 => "permission_error",
            429 => "rate_limit_error",
            _ => "api_error",
        },
    };
}
