using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/api-key/reset-key</c>: a new secret for the key; the old one stops working at once.</summary>
public sealed record ResetConnectorKeyCommand(long? Id, CallerIdentity Caller) : ICommand<ConnectorKey>;
