using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Credentials.GetCredential;

/// <summary><c>GET /credentials/info</c>.</summary>
public sealed record GetCredentialQuery(CallerIdentity Caller, string? CredentialName) : IQuery<CredentialView>;
