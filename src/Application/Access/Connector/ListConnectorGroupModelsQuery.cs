using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/group/list-model?group_id=</c>.</summary>
public sealed record ListConnectorGroupModelsQuery(long? GroupId, CallerIdentity Caller) : IQuery<ConnectorPage<ConnectorModelLink>>;
