using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Application.Catalog.Lifecycle;
using LlmPlatform.Application.Conversations;
using LlmPlatform.Application.Gateway.Generate;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmPlatform.Infrastructure.UserAccounts;

/// <summary>Registers the stores of the gateway-user dialect: logins, invites, provider keys, conversations, model runtime state, and the generation records every node sees.</summary>
internal static class GatewayUserRegistration
{
    public static IServiceCollection AddGatewayUsers(this IServiceCollection services)
    {
        services.AddSingleton<IUserLoginStore, UserLoginStore>();
        services.AddSingleton<IUserInviteStore, UserInviteStore>();
        services.AddSingleton<IProviderKeyStore, ProviderKeyStore>();
        services.AddSingleton<IConversationStore, ConversationStore>();
        services.AddSingleton<ModelRuntimeState>();
        services.AddSingleton<IModelRuntimeState>(sp => sp.GetRequiredService<ModelRuntimeState>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ModelRuntimeState>());
        services.AddSingleton<Gateway.Generate.RedisGenerationDirectory>();
        services.AddSingleton<IGenerationDirectory>(sp => sp.GetRequiredService<Gateway.Generate.RedisGenerationDirectory>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Gateway.Generate.RedisGenerationDirectory>());
        return services;
    }
}
