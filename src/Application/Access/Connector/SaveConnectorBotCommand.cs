using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/bot/feishu/save</c>: <c>config</c> is a JSON string with appId, appSecret, apiKey and modelId.</summary>
public sealed record SaveConnectorBotCommand(long? Id, string? Name, string? Config, string? Provider, CallerIdentity Caller) : ICommand<ConnectorBot>;
