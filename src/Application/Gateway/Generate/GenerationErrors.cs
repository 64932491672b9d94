using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>The expected failures of generation tracking.</summary>
public static class GenerationErrors
{
    public static Error RequestNotFound(string requestId) =>
        Error.NotFound("request_not_found", $"Request '{requestId}' not found (ended requests are kept for {GenerationTracker.Retention.TotalMinutes:0} minutes).")
            with { Param = "request_id" };

    public static Error Cancelled(string requestId) =>
        new(ErrorKind.Conflict, "request_cancelled", $"Request '{requestId}' was cancelled.");
}
