using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/bot/feishu/delete</c>.</summary>
public sealed record DeleteConnectorBotCommand(long? Id, CallerIdentity Caller) : ICommand<bool>;
