using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>The expected failures of the chat record reads: an unknown id and another key's read the same.</summary>
internal static class ChatRecordErrors
{
    public static Error SessionNotFound(long id) => Error.NotFound("session_not_found", $"No session has id {id}.");

    public static Error ThreadNotFound(long id) => Error.NotFound("thread_not_found", $"No thread has id {id}.");
}
