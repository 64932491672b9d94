using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/group/bind-or-unbind-model</c>: the team's models gain or lose the model; answers <c>created</c> or <c>deleted</c>.</summary>
public sealed record ToggleConnectorGroupModelCommand(long? GroupId, long? ModelId, CallerIdentity Caller) : ICommand<string>;
