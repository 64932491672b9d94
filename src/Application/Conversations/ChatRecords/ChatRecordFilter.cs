using LlmPlatform.Application.Access.Connector;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// A listing of chat records: <c>q</c> searches session titles (threads: prompts and answers); a
/// <see cref="Scope"/> keeps it to one key's own records, <see cref="KeyId"/> and <see cref="SessionId"/> narrow it.
/// </summary>
public sealed record ChatRecordFilter(ConnectorPaging Paging, ChatRecordScope? Scope, long? KeyId, long? SessionId);
