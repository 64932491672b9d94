using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>GET /v1/users/me</c>: the user the caller's key belongs to.</summary>
public sealed record GetMyProfileQuery(CallerIdentity Caller) : IQuery<UserProfile>;
