using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Credentials.ListCredentials;

/// <summary><c>GET /credentials/list</c>.</summary>
public sealed record ListCredentialsQuery(CallerIdentity Caller) : IQuery<CredentialList>;
