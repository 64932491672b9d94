using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/group/save</c>: creates a group (a team) without an id, renames it with one.</summary>
public sealed record SaveConnectorGroupCommand(long? Id, string? Name, CallerIdentity Caller) : ICommand<ConnectorGroup>;
