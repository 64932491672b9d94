using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>POST /key/regenerate</c>: a new secret for an existing key; the old one stops working at once.</summary>
public sealed record RegenerateKeyCommand(string? Key, KeyFields Fields, CallerIdentity Caller) : ICommand<GeneratedKey>;
