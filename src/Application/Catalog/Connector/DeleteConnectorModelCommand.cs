using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Connector;

/// <summary><c>POST /admin/model/delete</c>.</summary>
public sealed record DeleteConnectorModelCommand(long? Id, CallerIdentity Caller) : ICommand<bool>;
