using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>GET /admin/payment/list</c>: recharges, newest first, of one key or of all.</summary>
public sealed record ListConnectorPaymentsQuery(long? KeyId, ConnectorPaging Paging, CallerIdentity Caller) : IQuery<ConnectorPage<ConnectorPayment>>;
