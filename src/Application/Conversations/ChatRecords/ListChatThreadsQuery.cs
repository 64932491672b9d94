using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// <c>GET /admin/thread/list</c> (every key's threads, or one key's or one session's: admin keys only) and, with
/// <paramref name="Own"/>, <c>GET /user/thread/list</c> (the caller's key's threads).
/// </summary>
public sealed record ListChatThreadsQuery(ConnectorPaging Paging, long? KeyId, long? SessionId, bool Own, CallerIdentity Caller) : IQuery<ConnectorPage<ChatThreadRecord>>;
