using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary><c>GET /v1/providers</c>: the providers of the deployments the caller may use.</summary>
public sealed record ListProvidersQuery(CallerIdentity Caller) : IQuery<ProviderList>;
