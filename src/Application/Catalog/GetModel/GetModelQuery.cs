using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Catalog.GetModel;

/// <summary>One model the caller may use, by its name or an alias of it (OpenAI's <c>GET /v1/models/{model}</c>).</summary>
public sealed record GetModelQuery(string Model, CallerIdentity Caller) : IQuery<ModelCard>;
