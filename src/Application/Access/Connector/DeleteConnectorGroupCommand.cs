using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/group/delete</c>: refused while keys are still in the group.</summary>
public sealed record DeleteConnectorGroupCommand(long? Id, CallerIdentity Caller) : ICommand<bool>;
