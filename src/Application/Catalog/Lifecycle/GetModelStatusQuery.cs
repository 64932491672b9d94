using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary><c>GET /v1/models/{id}/status</c>: whether the model is loaded.</summary>
public sealed record GetModelStatusQuery(string ModelId, CallerIdentity Caller) : IQuery<ModelRuntimeStatus>;
