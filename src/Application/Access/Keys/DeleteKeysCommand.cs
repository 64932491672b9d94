using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>POST /key/delete</c>: deletes keys by key (or token) or by alias; returns what was deleted.</summary>
public sealed record DeleteKeysCommand(IReadOnlyList<string>? Keys, IReadOnlyList<string>? KeyAliases, CallerIdentity Caller)
    : ICommand<IReadOnlyList<string>>;
