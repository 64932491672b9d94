using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Credentials.DeleteCredential;

/// <summary><c>DELETE /credentials/delete</c>.</summary>
public sealed record DeleteCredentialCommand(CallerIdentity Caller, string? CredentialName) : ICommand<AdminMessage>;
