using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// <c>GET /admin/session/list</c> (every key's sessions, or one key's: admin keys only) and, with
/// <paramref name="Own"/>, <c>GET /user/session/list</c> (the caller's key's sessions).
/// </summary>
public sealed record ListChatSessionsQuery(ConnectorPaging Paging, long? KeyId, bool Own, CallerIdentity Caller) : IQuery<ConnectorPage<ChatSessionRecord>>;
