using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations;

/// <summary><c>DELETE /v1/sessions/{id}</c>: deletes one of the caller's sessions and its messages.</summary>
public sealed record DeleteSessionCommand(string SessionId, CallerIdentity Caller) : ICommand<SessionDeleted>;
