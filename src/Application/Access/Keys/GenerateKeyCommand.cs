using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>POST /key/generate</c>: a new key; <paramref name="Key"/> lets an admin choose the key itself.</summary>
public sealed record GenerateKeyCommand(KeyFields Fields, string? Key, CallerIdentity Caller) : ICommand<GeneratedKey>;
