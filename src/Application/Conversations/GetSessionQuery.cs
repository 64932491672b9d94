using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations;

/// <summary><c>GET /v1/sessions/{id}</c>: one of the caller's sessions with its messages.</summary>
public sealed record GetSessionQuery(string SessionId, CallerIdentity Caller) : IQuery<SessionView>;
