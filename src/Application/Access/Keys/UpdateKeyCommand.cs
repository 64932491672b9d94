using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>POST /key/update</c>: changes the given fields of a key (the key or its token).</summary>
public sealed record UpdateKeyCommand(string? Key, KeyFields Fields, CallerIdentity Caller) : ICommand<KeyInfo>;
