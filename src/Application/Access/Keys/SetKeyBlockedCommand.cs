using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>POST /key/block</c> and <c>/key/unblock</c>.</summary>
public sealed record SetKeyBlockedCommand(string? Key, bool Blocked, CallerIdentity Caller) : ICommand<KeyInfo>;
