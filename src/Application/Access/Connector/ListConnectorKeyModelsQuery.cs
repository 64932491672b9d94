using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/api-key/list-model?key_id=</c>, or with no key id the caller's own models (<c>GET /user/model/list</c>).</summary>
public sealed record ListConnectorKeyModelsQuery(long? KeyId, CallerIdentity Caller) : IQuery<ConnectorPage<ConnectorModelLink>>;
