using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations;

/// <summary><c>POST /v1/sessions/{id}/reset</c>: clears the messages of one of the caller's sessions.</summary>
public sealed record ResetSessionCommand(string SessionId, CallerIdentity Caller) : ICommand<SessionView>;
