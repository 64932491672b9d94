using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/group/list</c>.</summary>
public sealed record ListConnectorGroupsQuery(ConnectorPaging Paging, CallerIdentity Caller) : IQuery<ConnectorPage<ConnectorGroup>>;
