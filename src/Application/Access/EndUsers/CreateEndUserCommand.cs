using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary><c>POST /customer/new</c>.</summary>
public sealed record CreateEndUserCommand(EndUserFields Fields, CallerIdentity Caller) : ICommand<EndUserInfo>;
