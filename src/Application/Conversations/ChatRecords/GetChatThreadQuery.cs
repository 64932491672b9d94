using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary><c>GET /user/thread/detail/{id}</c>: one of the caller's key's threads; another key's is not found.</summary>
public sealed record GetChatThreadQuery(long Id, CallerIdentity Caller) : IQuery<ChatThreadRecord>;
