using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Catalog.ListModels;

/// <summary>The models the caller may use.</summary>
public sealed record ListModelsQuery(CallerIdentity Caller) : IQuery<ModelList>;
