using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/api-key/bind-or-unbind-model</c>: authorises the model to the key, or withdraws it if it was; answers <c>created</c> or <c>deleted</c>.</summary>
public sealed record ToggleConnectorKeyModelCommand(long? KeyId, long? ModelId, CallerIdentity Caller) : ICommand<string>;
