using LlmPlatform.Application.Access;
using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.EndUsers;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Organizations;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Application.Billing.Reports;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Operations.Health;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Access.Limits;
using LlmPlatform.Infrastructure.Billing;
using LlmPlatform.Infrastructure.Billing.Reports;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Gateway.Routing;
using LlmPlatform.Infrastructure.Health;
using LlmPlatform.Infrastructure.Jobs;
using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.Infrastructure.Providers.Anthropic;
using LlmPlatform.Infrastructure.Providers;
using LlmPlatform.Infrastructure.Providers.Bedrock;
using LlmPlatform.Infrastructure.Providers.Common;
using LlmPlatform.Infrastructure.Providers.Gemini;
using LlmPlatform.Infrastructure.Providers.Mock;
using LlmPlatform.Infrastructure.Providers.Ollama;
using LlmPlatform.Infrastructure.Providers.OpenAi;
using LlmPlatform.Infrastructure.Redis;
using LlmPlatform.Infrastructure.RuntimeConfig;
using LlmPlatform.Infrastructure.Telemetry;
using LlmPlatform.Infrastructure.Tokens;
using LlmPlatform.Infrastructure.UserAccounts;
using LlmPlatform.Infrastructure.Webhooks;
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

        services.AddRuntimeConfiguration();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<IApiKeyAuthenticator>(sp => sp.GetRequiredService<ApiKeyAuthenticator>());
        services.AddSingleton<IKeyCache>(sp => sp.GetRequiredService<ApiKeyAuthenticator>());
        services.AddSingleton<ITokenCounter, TiktokenCounter>();
        AddAccess(services);

        services.AddSingleton<ProviderHttp>();
        services.AddSingleton<IProviderAdapter, MockAdapter>();
        services.AddSingleton<IProviderAdapter, OpenAiCompatibleAdapter>();
        services.AddSingleton<IProviderAdapter, AzureOpenAiAdapter>();
        services.AddSingleton<IProviderAdapter, AnthropicAdapter>();
        services.AddSingleton<IProviderAdapter, GeminiAdapter>();
        services.AddSingleton<IProviderAdapter, OllamaAdapter>();
        services.AddEndpointAdapters();
        services.AddSingleton(_ => new AwsEnvironment());
        services.AddSingleton<IProviderAdapter, BedrockAdapter>();
        services.AddSingleton<ProviderRegistry>();
        services.AddSingleton<RouterOptions>();
        services.AddSingleton<Router>();
        services.AddSingleton<IRouter>(sp => sp.GetRequiredService<Router>());

        services.AddSingleton(_ => new SpendLedger(configuration.General.LedgerMemoryCapacity, new LedgerSpill(SpillDirectory(configuration, dataSource))));
        services.AddSingleton<GatewayTelemetry>();
        services.AddSingleton<IUsageEventSink>(sp => new MetricsUsageEventSink(
            new SettlingUsageEventSink(sp.GetRequiredService<SpendLedger>(), sp.GetRequiredService<ReservationSettler>()),
            sp.GetRequiredService<GatewayTelemetry>()));
        services.AddSingleton<SpendLedgerWriter>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SpendLedgerWriter>());

        services.AddSingleton<Application.Gateway.Caching.IResponseCacheStore, Caching.ResponseCacheStore>();
        // After the ledger writer: hosted services stop in reverse order, so batch lines still running at shutdown are recorded.
        services.AddJobs(configuration, dataSource);
        services.AddSingleton<Connector.ConnectorStore>();
        services.AddSingleton<Application.Access.Connector.IConnectorStore>(sp => sp.GetRequiredService<Connector.ConnectorStore>());
        services.AddSingleton<Application.Catalog.Connector.IConnectorModelStore>(sp => sp.GetRequiredService<Connector.ConnectorStore>());
        services.AddSingleton<Application.Conversations.ChatRecords.IChatRecordStore, Conversations.ChatRecordStore>();

        services.AddSingleton<IHealthProbe, PostgresHealthProbe>();
        services.AddSingleton<IHealthProbe, RedisHealthProbe>();
        services.AddSingleton<IHealthProbe, ProviderHealthProbe>();
        return services;
    }

    /// <summary>The configured spill folder, or one per database server and database under the temp directory.</summary>
    private static string SpillDirectory(PlatformConfiguration configuration, NpgsqlDataSource dataSource)
    {
        if (configuration.General.LedgerSpillDirectory is { Length: > 0 } configured)
        {
            return configured;
        }

        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var name = $"{builder.Host}-{builder.Port}-{builder.Database}";
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(Path.GetTempPath(), "llmplatform-ledger", safe);
    }

    private static void AddAccess(IServiceCollection services)
    {
        services.AddSingleton<IKeyStore, KeyStore>();
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<ITeamStore, TeamStore>();
        services.AddSingleton<IOrganizationStore, OrganizationStore>();
        services.AddSingleton<IEndUserStore, EndUserStore>();
        services.AddSingleton<IBudgetStore, BudgetStore>();
        services.AddSingleton<Application.Billing.Credits.ICreditStore, CreditStore>();
        services.AddSingleton<Application.Common.Idempotency.IIdempotencyStore, Idempotency.IdempotencyStore>();
        services.AddSingleton<ISpendReportReader, SpendReportReader>();
        services.AddSingleton<IAccessGroupStore, AccessGroupStore>();
        services.AddSingleton<EndUserDirectory>();
        services.AddSingleton<IEndUserDirectory>(sp => sp.GetRequiredService<EndUserDirectory>());
        services.AddSingleton<AccessChangeBus>();
        services.AddSingleton<IAccessChangeNotifier>(sp => sp.GetRequiredService<AccessChangeBus>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AccessChangeBus>());
        services.AddSingleton<ILimitStore, LimitStore>();
        services.AddWebhooks();
        services.AddGatewayUsers();
    }
}
