using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Connector;

/// <summary>
/// <c>POST /admin/model/save</c>: adds a deployment without an id, changes it with one. <c>config</c> is a JSON string:
/// <c>{"modelId"}</c> for bedrock-converse and mock, <c>{"baseURL", "model", "apiKey"}</c> for openai-compatible.
/// </summary>
public sealed record SaveConnectorModelCommand(
    long? Id,
    string? Name,
    long? GroupId,
    bool? Multiple,
    string? Config,
    string? Provider,
    decimal? PriceIn,
    decimal? PriceOut,
    CallerIdentity Caller) : ICommand<ConnectorModel>;
