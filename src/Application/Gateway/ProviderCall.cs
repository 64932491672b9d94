using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Gateway;

/// <summary>One attempt at one deployment.</summary>
/// <param name="Deployment">Where the request goes.</param>
/// <param name="Request">The client's request; adapters translate it and replace the model name.</param>
/// <param name="DropParams">Drop parameters the provider does not support instead of failing.</param>
/// <param name="Timeout">The time this attempt may take.</param>
public sealed record ProviderCall(ModelDeployment Deployment, ChatCompletionRequest Request, bool DropParams, TimeSpan Timeout);
