using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Conversations;

/// <summary>The expected failures of the conversation use cases.</summary>
public static class ConversationErrors
{
    /// <summary>An unknown id, a malformed one, and another owner's session all read the same.</summary>
    public static Error SessionNotFound(string sessionId) =>
        Error.NotFound("session_not_found", $"Session '{sessionId}' not found.") with { Param = "session_id" };
}
