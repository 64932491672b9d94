using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations;

/// <summary><c>POST /v1/sessions</c>: a new, empty session of the caller's.</summary>
public sealed record CreateSessionCommand(string? Title, CallerIdentity Caller) : ICommand<SessionView>;
