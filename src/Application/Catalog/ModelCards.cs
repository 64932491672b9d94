using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Catalog;

/// <summary>The OpenAI model object of a model group, for <c>GET /v1/models</c> and <c>GET /v1/models/{model}</c>.</summary>
internal static class ModelCards
{
    public static ModelCard Of(string id, IReadOnlyList<ModelDeployment> deployments, TimeProvider time) => new()
    {
        Id = id,
        Created = time.GetUtcNow().ToUnixTimeSeconds(),
        OwnedBy = deployments.Count > 0 ? deployments[0].Provider : "llmplatform",
    };
}
