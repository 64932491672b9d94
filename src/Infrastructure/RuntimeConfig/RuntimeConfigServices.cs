using LlmPlatform.Application.Access.Credentials;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Operations.Routing;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Registers the catalog of file and stored models, credentials, run-time router settings and their synchronisation.</summary>
internal static class RuntimeConfigServices
{
    public static IServiceCollection AddRuntimeConfiguration(this IServiceCollection services)
    {
        services.AddSingleton<CredentialCipher>();
        services.AddSingleton<RuntimeConfigRepository>();
        services.AddSingleton<RuntimeConfigChannel>();
        services.AddSingleton<RuntimeModelCatalog>();
        services.AddSingleton<IModelCatalog>(sp => sp.GetRequiredService<RuntimeModelCatalog>());
        services.AddSingleton<RuntimeConfiguration>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RuntimeConfiguration>());
        services.AddSingleton<ICredentialStore, CredentialStore>();
        services.AddSingleton<IModelStore, ModelStore>();
        services.AddSingleton<IRouterSettingsStore, RouterSettingsStore>();
        return services;
    }
}
