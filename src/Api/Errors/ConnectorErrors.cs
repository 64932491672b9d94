using System.Text.Json;

namespace LlmPlatform.Api.Errors;

/// <summary>
/// The Connector dialect's errors (seed 004): <c>{"success": false, "data": "&lt;message&gt;"}</c> with the HTTP status
/// (400 bad input, 401 no or bad key, 403 not an admin, 404 unknown id), on every path under <c>/admin</c> and on the
/// Connector's own paths under <c>/user</c> (LiteLLM's <c>/user/new</c>, <c>/user/info</c> and the rest keep theirs).
/// </summary>
public static class ConnectorErrors
{
    private static readonly string[] UserPaths = ["/user/api-key", "/user/model", "/user/session", "/user/thread"];

    public static bool Applies(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || UserPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the envelope as the whole response; a conflict is bad input here, so a 400.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status is 409 or 422 ? 400 : status;
        context.Response.ContentType = "application/json";
        var envelope = new ConnectorErrorEnvelope { Success = false, Data = message };
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, ApiJsonContext.Default.ConnectorErrorEnvelope, context.RequestAborted).ConfigureAwait(false);
    }
}
