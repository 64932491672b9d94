using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/api-key/detail/{id}</c>, or with no id the caller's own key (<c>GET /user/api-key/mine</c>).</summary>
public sealed record GetConnectorKeyQuery(long? Id, CallerIdentity Caller) : IQuery<ConnectorKey>;
