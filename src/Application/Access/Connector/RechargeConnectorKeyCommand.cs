using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/api-key/recharge</c>: adds to a key's balance (by id or by the key itself) and records the payment.</summary>
public sealed record RechargeConnectorKeyCommand(long? Id, string? ApiKey, decimal? Balance, CallerIdentity Caller) : ICommand<ConnectorKey>;
