using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmPlatform.Api.Authentication;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Messages.Contracts;
using LlmPlatform.Application.Operations.Health;
using LlmPlatform.Infrastructure;
using LlmPlatform.Infrastructure.Configuration;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.Infrastructure.Redis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// The composition root: loads the configuration, waits for PostgreSQL, applies migrations, connects Redis,
/// and builds the web application. Tests build it the same way, on a real port.
/// </summary>
public static partial class ApiHost
{
    public const int ConfigExitCode = 2;
    public const int DatabaseExitCode = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = await BuildAsync(args, Environment.GetEnvironmentVariable, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync("llmplatform: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }

        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds a ready-to-start application; throws <see cref="StartupException"/> with one clear line when it cannot.</summary>
    /// <param name="configureServices">Runs after every registration, so a test can replace a service (the clock, ...).</param>
    public static async Task<WebApplication> BuildAsync(
        string[] args,
        Func<string, string?> environment,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        StartupArguments arguments;
        PlatformConfiguration configuration;
        try
        {
            arguments = StartupArguments.Parse(args);
            var path = arguments.ConfigPath ?? environment("LLMPLATFORM_CONFIG") ?? (File.Exists("config.yaml") ? "config.yaml" : null);
            configuration = path is null
                ? new PlatformConfiguration { Deployments = [], Warnings = ["No --config file was given; no models are configured."] }
                : YamlConfigLoader.LoadFile(path, environment);
        }
        catch (Exception ex) when (ex is ConfigurationException or ArgumentException)
        {
            throw new StartupException(ex.Message, ConfigExitCode);
        }

        if (environment("LLMPLATFORM_MASTER_KEY") is { Length: > 0 } masterKey)
        {
            configuration = configuration with { General = configuration.General with { MasterKey = masterKey } };
        }

        if (environment("LLMPLATFORM_ENCRYPTION_KEY") is { Length: > 0 } encryptionKey)
        {
            configuration = configuration with { General = configuration.General with { EncryptionKey = encryptionKey } };
        }

        Authentication.Sso.SsoSettings? sso;
        try
        {
            sso = Authentication.Sso.SsoSettings.From(environment, configuration.General.MasterKey);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException(ex.Message, ConfigExitCode);
        }

        TelemetryExporters exporters;
        try
        {
            exporters = TelemetryExporters.From(environment);
        }
        catch (FormatException ex)
        {
            throw new StartupException(ex.Message, ConfigExitCode);
        }

        var databaseUrl = environment("DATABASE_URL") is { Length: > 0 } fromEnv ? fromEnv : configuration.General.DatabaseUrl;
        if (string.IsNullOrWhiteSpace(databaseUrl))
        {
            throw new StartupException("no database: set DATABASE_URL or general_settings.database_url.", ConfigExitCode);
        }

        string connectionString;
        try
        {
            connectionString = ConnectionStrings.ToNpgsql(databaseUrl);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException("DATABASE_URL is not usable: " + ex.Message, ConfigExitCode);
        }

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        var wait = double.TryParse(environment("LLMPLATFORM_DB_STARTUP_TIMEOUT"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);
        var failure = await DatabaseStartup.WaitForDatabaseAsync(dataSource, wait, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new StartupException(
                $"cannot reach PostgreSQL at {ConnectionStrings.Describe(connectionString)} after {wait.TotalSeconds:0} s: {failure}",
                DatabaseExitCode);
        }

        var redisUrl = environment("REDIS_URL") is { Length: > 0 } redisFromEnv ? redisFromEnv : configuration.General.RedisUrl;
        RedisConnection redis;
        try
        {
            redis = await RedisConnection.ConnectAsync(redisUrl).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException("REDIS_URL is not usable: " + ex.Message, ConfigExitCode);
        }

        // ASP.NET Core and HttpClient put the semantic-convention tags on their own activities; listening to
        // their activity sources directly spares every request the diagnostic-event path of the instrumentation
        // packages (which also switches MVC to its slower, event-raising invoker).
        AppContext.SetSwitch("Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData", false);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments.HostArguments,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureServices(builder, configuration, dataSource, redis, exporters);
        builder.Services.AddSingleton(_ => new Authentication.Sso.SsoIdentityProvider(sso));
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        ConfigurePipeline(app, configuration.General.TrustedProxies, exporters.Prometheus);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LlmPlatform.Startup");
        foreach (var warning in configuration.Warnings)
        {
            LogConfigWarning(logger, warning);
        }

        var applied = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken).ConfigureAwait(false);
        LogMigrations(logger, applied.Count);
        var readiness = app.Services.GetRequiredService<ReadinessState>();
        readiness.MarkMigrated();
        app.Lifetime.ApplicationStopping.Register(readiness.MarkShuttingDown);
        return app;
    }

    private static void ConfigureServices(
        WebApplicationBuilder builder,
        PlatformConfiguration configuration,
        NpgsqlDataSource dataSource,
        RedisConnection redis,
        TelemetryExporters exporters)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        // A full console queue drops lines (the logger then says how many) rather than make the logging thread wait:
        // a request path that logs, during a Redis outage say, would otherwise hold its thread (and, with Kestrel's
        // inline scheduling below, the connection on it) until the console caught up.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Its request-start and request-end lines are below Warning anyway, but while any level of it is on,
        // ASP.NET Core builds a log scope for every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        // Kestrel runs a request, and sends what it flushes, on the thread whose read completed rather than queueing
        // both to the thread pool: the first streamed chunk leaves when it is flushed, not when a sleeping worker
        // wakes for it (added time to first token at p50 about 1.15 -> 0.85 ms on 2 cores). The thread is a
        // thread-pool worker: SocketDefaults keeps the runtime from running completions on its socket event threads.
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = configuration.General.MaxRequestSizeBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.General.DrainTimeout);

        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(configuration, dataSource, redis);

        builder.Services.AddControllers(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)
            .AddApplicationPart(typeof(ApiHost).Assembly)
            .AddJsonOptions(o =>
            {
                ConfigureJson(o.JsonSerializerOptions);

                // Model state then keeps the serializer's exception, not only its message, so that InvalidModelState
                // can tell an unpaired surrogate escape from a value of the wrong type (both read "could not be
                // converted"). The message a client reads is the same: InvalidModelState writes it either way.
                o.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(o =>
            {
                o.InvalidModelStateResponseFactory = InvalidModelState.Respond;

                // No ProblemDetails for a bare 4xx result (a 415 for a missing JSON body, say): it stays empty, and the
                // error middleware gives it the dialect's envelope like every other error.
                o.SuppressMapClientErrors = true;
            });
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.ModelBinding.Validation.IObjectModelValidator, NoModelValidation>();
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        // OpenAPI 3.0 rather than 3.1: every client generator (NSwag included) reads it.
        builder.Services.AddOpenApi(o =>
        {
            o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers?.Clear();
                document.Info.Title = "LlmPlatform";
                document.Info.Description = "OpenAI-compatible LLM gateway with LiteLLM-style administration.";
                document.Info.Version = "v1";
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(OperationIds.NameOperation);
            o.AddOperationTransformer(BodySchemas.Describe);
            o.AddDocumentTransformer(OperationIds.Deduplicate);
        });

        builder.Services.AddSingleton(new Application.Operations.Callbacks.CallbackEnvironment(exporters.OtlpTraces));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("llmplatform"))
            .WithTracing(t =>
            {
                // No "System.Net.Http": the gateway's attempt span is the upstream call's client span, and
                // TraceContextHandler carries the trace upstream from it.
                t.AddSource("LlmPlatform.*", "Microsoft.AspNetCore");
                if (exporters.OtlpTraces)
                {
                    t.AddOtlpExporter();
                }
            });

        if (exporters.Prometheus || exporters.OtlpMetrics)
        {
            telemetry.WithMetrics(m =>
            {
                // No "System.Net.Http": the gateway's own metrics give latency and outcome by deployment, and
                // HttpClient's instruments cost four more measurements per call.
                m.AddMeter("LlmPlatform.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime");
                m.AddView(MetricStreams.Configure);
                if (exporters.Prometheus)
                {
                    m.AddPrometheusExporter();
                }

                if (exporters.OtlpMetrics)
                {
                    m.AddOtlpExporter();
                }
            });
        }
    }

    internal static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        options.TypeInfoResolverChain.Insert(1, AnthropicJsonContext.Default);
    }

    private static void ConfigurePipeline(WebApplication app, IReadOnlyList<System.Net.IPNetwork> trustedProxies, bool prometheus)
    {
        if (trustedProxies.Count > 0)
        {
            // Only then: without trusted proxies no X-Forwarded-For is believed, and the hot path does not look for one.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in trustedProxies)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            app.UseForwardedHeaders(forwarded);
        }

        // MVC registers ASP.NET Core's authentication and authorization services, and a WebApplication then puts
        // their middleware in front of every request. Nothing here uses them: ApiKeyMiddleware decides who may call
        // what. Marking them as placed keeps them off the hot path.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<RateLimitHeadersMiddleware>();
        // The documentation pages sit on branches of their own: on the main line their middleware would look at
        // every gateway request's path.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase),
            docs => docs.UseSwaggerUI(o =>
            {
                o.RoutePrefix = "docs";
                o.SwaggerEndpoint("/openapi.json", "LlmPlatform");
                o.DocumentTitle = "LlmPlatform API";
            }));
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/redoc", StringComparison.OrdinalIgnoreCase),
            redoc => redoc.UseReDoc(o =>
            {
                o.RoutePrefix = "redoc";
                o.SpecUrl = "/openapi.json";
                o.DocumentTitle = "LlmPlatform API";
            }));
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseWhen(IdempotencyMiddleware.Applies, keyed => keyed.UseMiddleware<IdempotencyMiddleware>());
        app.MapOpenApi("/openapi.json").AllowAnonymous();
        if (prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }
        app.MapGet("/", () => Results.Redirect("/docs")).AllowAnonymous().ExcludeFromDescription();
        Endpoints.ChatCompletionsEndpoint.Map(app);
        app.MapControllers();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    private static partial void LogConfigWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Count} migration(s) applied")]
    private static partial void LogMigrations(ILogger logger, int count);
}
