using LlmPlatform.Application.Gateway.Completions;
using LlmPlatform.Application.Gateway.Embeddings;
using LlmPlatform.Application.Gateway.Images;
using LlmPlatform.Application.Gateway.Moderations;
using LlmPlatform.Application.Gateway.PassThrough;
using LlmPlatform.Application.Gateway.Rerank;
using LlmPlatform.Infrastructure.Gateway.PassThrough;
using LlmPlatform.Infrastructure.Providers.Cohere;
using LlmPlatform.Infrastructure.Providers.Mock;
using LlmPlatform.Infrastructure.Providers.Ollama;
using LlmPlatform.Infrastructure.Providers.OpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Infrastructure.Providers;

/// <summary>Registers the adapters of the endpoints beyond chat, each under every capability it has, and the pass-through forwarder.</summary>
internal static class EndpointAdapters
{
    public static IServiceCollection AddEndpointAdapters(this IServiceCollection services)
    {
        services.AddSingleton<MockEndpointsAdapter>();
        services.AddSingleton<OpenAiEndpointsAdapter>();
        services.AddSingleton<AzureEndpointsAdapter>();
        services.AddSingleton<CohereRerankAdapter>();
        services.AddSingleton<OllamaEmbedAdapter>();

        services.AddSingleton<IEmbeddingsAdapter>(sp => sp.GetRequiredService<MockEndpointsAdapter>());
        services.AddSingleton<IEmbeddingsAdapter>(sp => sp.GetRequiredService<OpenAiEndpointsAdapter>());
        services.AddSingleton<IEmbeddingsAdapter>(sp => sp.GetRequiredService<AzureEndpointsAdapter>());
        services.AddSingleton<IEmbeddingsAdapter>(sp => sp.GetRequiredService<OllamaEmbedAdapter>());

        services.AddSingleton<IModerationsAdapter>(sp => sp.GetRequiredService<MockEndpointsAdapter>());
        services.AddSingleton<IModerationsAdapter>(sp => sp.GetRequiredService<OpenAiEndpointsAdapter>());
        services.AddSingleton<IModerationsAdapter>(sp => sp.GetRequiredService<AzureEndpointsAdapter>());

        services.AddSingleton<IImageAdapter>(sp => sp.GetRequiredService<MockEndpointsAdapter>());
        services.AddSingleton<IImageAdapter>(sp => sp.GetRequiredService<OpenAiEndpointsAdapter>());
        services.AddSingleton<IImageAdapter>(sp => sp.GetRequiredService<AzureEndpointsAdapter>());

        services.AddSingleton<IRerankAdapter>(sp => sp.GetRequiredService<MockEndpointsAdapter>());
        services.AddSingleton<IRerankAdapter>(sp => sp.GetRequiredService<OpenAiEndpointsAdapter>());
        services.AddSingleton<IRerankAdapter>(sp => sp.GetRequiredService<CohereRerankAdapter>());
        services.AddSingleton<ITextCompletionsAdapter>(sp => sp.GetRequiredService<OpenAiEndpointsAdapter>());
        services.AddSingleton<ITextCompletionsAdapter>(sp => sp.GetRequiredService<AzureEndpointsAdapter>());

        services.AddSingleton<IPassThroughForwarder, PassThroughForwarder>();
        return services;
    }
}
