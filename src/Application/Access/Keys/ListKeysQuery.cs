using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Keys;

/// <summary><c>GET /key/list</c>: the keys the caller may see, filtered and paged.</summary>
public sealed record ListKeysQuery(KeyQuery Query, CallerIdentity Caller) : IQuery<KeyPage>;
