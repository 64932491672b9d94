using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary><c>GET /v1/schema?model=</c>: the input and parameters <c>/v1/generate</c> takes for the model.</summary>
public sealed record GetModelSchemaQuery(string? Model, CallerIdentity Caller) : IQuery<ModelSchema>;
