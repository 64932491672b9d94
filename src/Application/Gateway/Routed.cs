using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Gateway;

/// <summary>A routed answer with the deployment that gave it and how many attempts it took.</summary>
public sealed record Routed<T>(T Value, ModelDeployment Deployment, int Attempts, string ModelGroup);
