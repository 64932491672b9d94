using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/api-key/delete</c>: the key, its payments, and the user the Connector made for it.</summary>
public sealed record DeleteConnectorKeyCommand(long? Id, CallerIdentity Caller) : ICommand<bool>;
