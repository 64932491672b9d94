using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary><c>DELETE /model_access_group/delete</c>.</summary>
public sealed record DeleteAccessGroupCommand(string? Name, CallerIdentity Caller) : ICommand<string>;
