using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary><c>POST /customer/update</c>.</summary>
public sealed record UpdateEndUserCommand(EndUserFields Fields, CallerIdentity Caller) : ICommand<EndUserInfo>;
