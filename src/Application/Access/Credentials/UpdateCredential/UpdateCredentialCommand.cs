using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Credentials.UpdateCredential;

/// <summary><c>PATCH /credentials/update</c>: the values given replace those stored (null removes a field); info replaces the info.</summary>
public sealed record UpdateCredentialCommand(
    CallerIdentity Caller,
    string? CredentialName,
    IReadOnlyDictionary<string, string?>? CredentialValues,
    string? CredentialInfoJson) : ICommand<AdminMessage>;
