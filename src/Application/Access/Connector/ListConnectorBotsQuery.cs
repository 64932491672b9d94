using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/bot/feishu/list</c>: secrets in each config masked.</summary>
public sealed record ListConnectorBotsQuery(ConnectorPaging Paging, CallerIdentity Caller) : IQuery<ConnectorPage<ConnectorBot>>;
