using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Operations.Health;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Gateway.Routing;
using LlmPlatform.Infrastructure.Health;
using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.Infrastructure.Providers;
using LlmPlatform.Infrastructure.Providers.Common;
using LlmPlatform.Infrastructure.Providers.Mock;
using LlmPlatform.Infrastructure.Providers.OpenAi;
using LlmPlatform.Infrastructure.Redis;
using LlmPlatform.Infrastructure.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LlmPlatform.Infrastructure;

/// <summary>Registers the adapters behind the application's ports.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services,
        PlatformConfiguration configuration,
        NpgsqlDataSource dataSource,
        RedisConnection redis)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(dataSource);
        services.AddSingleton(redis);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReadinessState>();
        services.AddSingleton<MigrationRunner>();

        services.AddSingleton<IModelCatalog, ConfigModelCatalog>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<IApiKeyAuthenticator>(sp => sp.GetRequiredService<ApiKeyAuthenticator>());
        services.AddSingleton<IKeyCache>(sp => sp.GetRequiredService<ApiKeyAuthenticator>());
        services.AddSingleton<ITokenCounter, TiktokenCounter>();

        services.AddSingleton<ProviderHttp>();
        services.AddSingleton<IProviderAdapter, MockAdapter>();
        services.AddSingleton<IProviderAdapter, OpenAiCompatibleAdapter>();
        services.AddSingleton<IProviderAdapter, AzureOpenAiAdapter>();
        services.AddEndpointAdapters();
        services.AddSingleton<ProviderRegistry>();
        services.AddSingleton<RouterOptions>();
        services.AddSingleton<Router>();
        services.AddSingleton<IRouter>(sp => sp.GetRequiredService<Router>());

        services.AddSingleton<SpendLedger>();
        services.AddSingleton<IUsageEventSink>(sp => sp.GetRequiredService<SpendLedger>());
        services.AddSingleton<SpendLedgerWriter>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SpendLedgerWriter>());

        services.AddSingleton<IHealthProbe, PostgresHealthProbe>();
        services.AddSingleton<IHealthProbe, RedisHealthProbe>();
        services.AddSingleton<IHealthProbe, ProviderHealthProbe>();
        return services;
    }
}
