using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary><c>POST /model_access_group/new</c> (<paramref name="IsNew"/>) and <c>PUT /model_access_group/update</c>.</summary>
public sealed record SaveAccessGroupCommand(string? Name, IReadOnlyList<string>? Models, bool IsNew, CallerIdentity Caller) : ICommand<AccessGroupInfo>;
