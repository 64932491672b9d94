using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations;

/// <summary><c>GET /v1/sessions</c>: the caller's sessions.</summary>
public sealed record ListSessionsQuery(CallerIdentity Caller) : IQuery<SessionList>;
