using System.Net;
using System.Text.Json;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>Health endpoints with PostgreSQL and Redis reachable, cut and restored (through loopback proxies).</summary>
public sealed class HealthTests
{
    private TestDatabase _database = null!;
    private TcpProxy _postgres = null!;
    private TcpProxy _redis = null!;
    private ApiServer _api = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync("health");
        var pg = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _postgres = new TcpProxy(pg.Host!, pg.Port);
        _postgres.Start();
        var redisUri = new Uri(TestEnvironment.RedisUrl);
        _redis = new TcpProxy(redisUri.Host, redisUri.Port);
        _redis.Start();

        var proxied = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = _postgres.Port, Timeout = 3, CommandTimeout = 3 }.ConnectionString;
        _api = await ApiServer.StartAsync(ApiServer.MockDemoConfig, _database, new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = proxied,
            ["REDIS_URL"] = $"redis://127.0.0.1:{_redis.Port}{redisUri.AbsolutePath}",
        });
        _anonymous = new HttpClient { BaseAddress = _api.BaseUri };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _anonymous.Dispose();
        await _api.DisposeAsync();
        await _postgres.DisposeAsync();
        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }

    [TearDown]
    public void Restore()
    {
        _postgres.Start();
        _redis.Start();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _anonymous.GetAsync(path);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> WaitForAsync(string path, Func<JsonElement, bool> condition)
    {
        var result = await GetAsync(path);
        for (var i = 0; i < 60 && !condition(result.Body); i++)
        {
            await Task.Delay(250);
            result = await GetAsync(path);
        }

        return result;
    }

    [TestCase("health/liveness")]
    [TestCase("health/liveliness")]
    public async Task Liveness_NeedsNoKeyAndAnswers(string path)
    {
        var (status, body) = await GetAsync(path);
        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().NotBeNullOrEmpty();
    }

    [TestCase("health/readiness")]
    [TestCase("ready")]
    public async Task Readiness_WithEverythingUp_IsHealthy(string path)
    {
        var (status, body) = await WaitForAsync(path, b => b.GetProperty("status").GetString() == "healthy");
        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("db").GetString().Should().Be("connected");
        body.GetProperty("redis").GetString().Should().Be("connected");
        body.GetProperty("migrations_applied").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task Readiness_WithPostgresDown_Is503NamingPostgres_AndRecovers()
    {
        _postgres.Stop();
        NpgsqlConnection.ClearAllPools();

        var (status, body) = await WaitForAsync("health/readiness", b => b.GetProperty("db").GetString() == "disconnected");
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().Should().Be("unhealthy");
        body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()).Should().Contain("postgres").And.NotContain("redis");

        _postgres.Start();
        var (after, _) = await WaitForAsync("health/readiness", b => b.GetProperty("db").GetString() == "connected");
        after.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Readiness_WithRedisDown_StaysReadyButReportsRedis()
    {
        _redis.Stop();

        var (status, body) = await WaitForAsync("health/readiness", b => b.GetProperty("redis").GetString() == "disconnected");
        status.Should().Be(HttpStatusCode.OK, "without Redis the node serves from in-memory limits");
        body.GetProperty("status").GetString().Should().Be("degraded");
        body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()).Should().Equal("redis");
    }

    [Test]
    public async Task Services_ListsPostgresRedisAndEachProviderWithLatency()
    {
        var (status, body) = await WaitForAsync("health/services", b => b.GetProperty("status").GetString() == "healthy");
        status.Should().Be(HttpStatusCode.OK);
        var services = body.GetProperty("services").EnumerateArray().ToList();
        services.Select(s => s.GetProperty("kind").GetString()).Should().Contain(["database", "cache", "provider"]);
        services.Should().OnlyContain(s => s.GetProperty("status").GetString() == "healthy");
        services.First(s => s.GetProperty("kind").GetString() == "database").GetProperty("latency_ms").GetDouble().Should().BeGreaterThan(0);
    }

    [Test]
    public async Task Health_ListsHealthyEndpoints()
    {
        var (status, body) = await WaitForAsync("health", b => b.GetProperty("status").GetString() == "healthy");
        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("healthy_endpoints").EnumerateArray().Should().ContainSingle();
        body.GetProperty("unhealthy_count").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task ChatCompletion_WithRedisDown_StillSucceeds()
    {
        _redis.Stop();
        using var response = await _api.Client.PostAsync(
            "v1/chat/completions",
            new StringContent("""{"model":"demo","messages":[{"role":"user","content":"still there?"}]}""", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
