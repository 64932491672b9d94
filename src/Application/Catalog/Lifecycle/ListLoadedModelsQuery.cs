using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary><c>GET /v1/models/loaded</c>: the loaded models the caller may use.</summary>
public sealed record ListLoadedModelsQuery(CallerIdentity Caller) : IQuery<LoadedModelList>;
