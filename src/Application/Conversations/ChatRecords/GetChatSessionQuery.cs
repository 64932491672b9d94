using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary><c>GET /user/session/detail/{id}</c>: one of the caller's key's sessions; another key's is not found.</summary>
public sealed record GetChatSessionQuery(long Id, CallerIdentity Caller) : IQuery<ChatSessionRecord>;
