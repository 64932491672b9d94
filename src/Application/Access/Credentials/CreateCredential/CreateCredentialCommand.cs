using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Credentials.CreateCredential;

/// <summary><c>POST /credentials/new</c>.</summary>
public sealed record CreateCredentialCommand(
    CallerIdentity Caller,
    string? CredentialName,
    IReadOnlyDictionary<string, string?>? CredentialValues,
    string? CredentialInfoJson) : ICommand<AdminMessage>;
