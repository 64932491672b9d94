using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Conversations;

/// <summary><c>PUT /v1/sessions/{id}</c>: renames one of the caller's sessions.</summary>
public sealed record UpdateSessionCommand(string SessionId, string? Title, CallerIdentity Caller) : ICommand<SessionView>;
