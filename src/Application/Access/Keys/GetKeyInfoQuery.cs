using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>GET /key/info?key=</c>: one key (the caller's own when no key is given).</summary>
public sealed record GetKeyInfoQuery(string? Key, CallerIdentity Caller) : IQuery<KeyInfo>;
