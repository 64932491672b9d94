using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Application.Catalog.Lifecycle;
using LlmPlatform.Application.Conversations;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Infrastructure.UserAccounts;

/// <summary>Registers the stores of the gateway-user dialect: logins, invites, provider keys, conversations, model runtime state.</summary>
internal static class GatewayUserRegistration
{
    public static IServiceCollection AddGatewayUsers(this IServiceCollection services)
    {
        services.AddSingleton<IUserLoginStore, UserLoginStore>();
        services.AddSingleton<IUserInviteStore, UserInviteStore>();
        services.AddSingleton<IProviderKeyStore, ProviderKeyStore>();
        services.AddSingleton<IConversationStore, ConversationStore>();
        services.AddSingleton<IModelRuntimeState, ModelRuntimeState>();
        return services;
    }
}
