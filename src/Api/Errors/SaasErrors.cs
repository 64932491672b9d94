using System.Text.Json;

namespace LlmPlatform.Api.Errors;

/// <summary>
/// The SaaS dialect's errors (seed 002, every path under <c>/api</c>), as FastAPI writes them: <c>{"detail": "..."}</c>,
/// and a 422 with a list of <c>{loc, msg, type}</c> for a request that fails validation. A duplicate is a 400 there.
/// </summary>
public static class SaasErrors
{
    public static bool Applies(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the envelope as the whole response; a validation failure (400, invalid request) becomes a 422.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message, string type, string? param, string? code)
    {
        context.Response.StatusCode = status == 409 ? 400 : status;
        context.Response.ContentType = "application/json";
        if (status == 400 && type == "invalid_request_error")
        {
            context.Response.StatusCode = 422;
            var item = new SaasValidationItem
            {
                Loc = param is { Length: > 0 } field
                    ? [context.Request.Query.ContainsKey(field) ? "query" : "body", .. field.Split('.', StringSplitOptions.RemoveEmptyEntries)]
                    : ["body"],
                Msg = code == "missing_parameter" ? "field required" : message,
                Type = code == "missing_parameter" ? "value_error.missing" : "value_error",
            };
            await JsonSerializer.SerializeAsync(context.Response.Body, new SaasValidationEnvelope { Detail = [item] }, ApiJsonContext.Default.SaasValidationEnvelope, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await JsonSerializer.SerializeAsync(context.Response.Body, new SaasErrorEnvelope { Detail = message }, ApiJsonContext.Default.SaasErrorEnvelope, context.RequestAborted).ConfigureAwait(false);
    }
}
