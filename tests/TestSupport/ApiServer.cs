using System.Net.Http.Headers;
using LlmPlatform.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.TestSupport;

/// <summary>
/// The real API on a real Kestrel port, built by the same composition root as the process, with its own
/// database and configuration file.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string MasterKey = "sk-test-master-0123456789abcdefghijklmnop";

    /// <summary>A config with one model group, <c>demo</c>, answered by the built-in mock provider.</summary>
    public const string MockDemoConfig = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo
        """;

    private readonly WebApplication _app;
    private readonly string _configPath;
    private readonly TestDatabase? _ownedDatabase;

    private ApiServer(WebApplication app, string configPath, TestDatabase? ownedDatabase, string databaseUrl)
    {
        _app = app;
        _configPath = configPath;
        _ownedDatabase = ownedDatabase;
        DatabaseUrl = databaseUrl;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
    }

    public Uri BaseUri { get; }

    /// <summary>The base URL for OpenAI clients (<c>.../v1</c>).</summary>
    public Uri OpenAiEndpoint => new(BaseUri, "v1");

    /// <summary>An HTTP client that sends the master key.</summary>
    public HttpClient Client { get; }

    public string DatabaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the API with the given configuration file text on its own fresh database (or the one given).</summary>
    public static async Task<ApiServer> StartAsync(
        string configYaml,
        TestDatabase? database = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool withRedis = true,
        Action<IServiceCollection>? configureServices = null)
    {
        var owned = database is null ? await TestDatabase.CreateAsync("api") : null;
        var db = database ?? owned!;
        var configPath = Path.Combine(Path.GetTempPath(), $"llmplatform-test-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(configPath, configYaml);
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = db.Url,
            ["REDIS_URL"] = withRedis ? TestEnvironment.RedisUrl : null,
            ["LLMPLATFORM_MASTER_KEY"] = MasterKey,
            ["LLMPLATFORM_DB_STARTUP_TIMEOUT"] = "10",
        };
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                env[key] = value;
            }
        }

        var app = await ApiHost.BuildAsync(
            ["--urls", "http://127.0.0.1:0", "--config", configPath],
            name => env.TryGetValue(name, out var value) ? value : null,
            CancellationToken.None,
            configureServices);
        await app.StartAsync();
        return new ApiServer(app, configPath, owned, db.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Client.Dispose();
        File.Delete(_configPath);
        if (_ownedDatabase is not null)
        {
            await _ownedDatabase.DisposeAsync();
        }
    }
}
