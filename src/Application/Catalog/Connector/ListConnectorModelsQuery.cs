using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Connector;

/// <summary><c>GET /admin/model/list</c>: the stored deployments (those of the configuration file have no integer id).</summary>
public sealed record ListConnectorModelsQuery(ConnectorPaging Paging, CallerIdentity Caller) : IQuery<ConnectorPage<ConnectorModel>>;
