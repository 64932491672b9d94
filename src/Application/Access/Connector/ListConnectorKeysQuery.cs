using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/api-key/list</c>.</summary>
public sealed record ListConnectorKeysQuery(ConnectorPaging Paging, string? Name, long? GroupId, string? Role, CallerIdentity Caller)
    : IQuery<ConnectorPage<ConnectorKey>>;
