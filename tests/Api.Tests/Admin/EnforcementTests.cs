using System.Globalization;
using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Limits, budgets and blocks on gateway requests, against the real API, PostgreSQL and Redis.</summary>
public sealed class EnforcementTests
{
    private const decimal InputPrice = 0.001m;
    private const decimal OutputPrice = 0.002m;

    private static readonly string Config = $"""
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
              mock_response: "fixed answer"
            model_info:
              input_cost_per_token: {InputPrice.ToString(CultureInfo.InvariantCulture)}
              output_cost_per_token: {OutputPrice.ToString(CultureInfo.InvariantCulture)}
          - model_name: other
            litellm_params:
              model: mock/other-model
          - model_name: slow
            litellm_params:
              model: mock/slow-model
              mock_latency: 800
          - model_name: beta-model
            litellm_params:
              model: mock/beta-model
            model_info:
              access_groups: ["beta"]
        """;

    private readonly ShiftableTimeProvider _clock = new();
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(Config, configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task RpmLimit_RefusesTheRequestOverTheLimit_With429RetryAfterAndHeaders()
    {
        AlignToMinuteStart();
        var key = await GenerateAsync(new { rpm_limit = 2 });

        using (var first = await Gateway.ChatAsync(_api.Client, key, "demo"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            Header(first, "x-ratelimit-limit-requests").Should().Be("2");
            Header(first, "x-ratelimit-remaining-requests").Should().Be("1");
            Header(first, "x-ratelimit-reset-requests").Should().MatchRegex(@"^([1-9][0-9]*m)?[0-9]+(\.[0-9]{1,3})?s$", "OpenAI's duration format: 1s, 6m0s, 0.5s");
        }

        using (var second = await Gateway.ChatAsync(_api.Client, key, "demo"))
        {
            Header(second, "x-ratelimit-remaining-requests").Should().Be("0");
        }

        using var third = await Gateway.ChatAsync(_api.Client, key, "demo");
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        Header(third, "x-ratelimit-remaining-requests").Should().Be("0");
        (await ErrorOf(third)).GetProperty("type").GetString().Should().Be("rate_limit_error");

        _clock.Advance(TimeSpan.FromMinutes(1));
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task RpmLimit_OnAKeyWithATpmLimitToo_RefusesWith429AndBothHeaderSets()
    {
        AlignToMinuteStart();
        var key = await GenerateAsync(new { rpm_limit = 2, tpm_limit = 100000 });
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        foreach (var stream in new[] { false, true })
        {
            using var refused = await Gateway.ChatAsync(_api.Client, key, "demo", stream: stream);

            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            (await ErrorOf(refused)).GetProperty("type").GetString().Should().Be("rate_limit_error");
            Header(refused, "x-ratelimit-remaining-requests").Should().Be("0");
            Header(refused, "x-ratelimit-limit-tokens").Should().Be("100000");
            long.Parse(Header(refused, "x-ratelimit-remaining-tokens")!, CultureInfo.InvariantCulture).Should().BeLessThan(100000, "the tokens of the two answered requests count");
        }
    }

    [Test]
    public async Task RpmLimit_HeadersAreSentOnStreamsToo()
    {
        AlignToMinuteStart();
        var key = await GenerateAsync(new { rpm_limit = 5, tpm_limit = 100000 });

        using var response = await Gateway.ChatAsync(_api.Client, key, "demo", stream: true);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-ratelimit-limit-requests").Should().Be("5");
        Header(response, "x-ratelimit-remaining-requests").Should().Be("4");
        Header(response, "x-ratelimit-limit-tokens").Should().Be("100000");
        (await response.Content.ReadAsStringAsync()).Should().Contain("[DONE]");
    }

    [Test]
    public async Task RefusedRequest_DoesNotConsumeQuota()
    {
        AlignToMinuteStart();
        var key = await GenerateAsync(new { rpm_limit = 2, models = new[] { "demo" } });

        (await Gateway.StatusAsync(_api.Client, key, "other")).Should().Be(HttpStatusCode.Forbidden);
        (await Gateway.StatusAsync(_api.Client, key, "other")).Should().Be(HttpStatusCode.Forbidden);

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task ModelRpmLimit_LimitsOnlyThatModel()
    {
        AlignToMinuteStart();
        var key = await GenerateAsync(new { model_rpm_limit = new Dictionary<string, long> { ["demo"] = 1 } });

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.TooManyRequests);
        (await Gateway.StatusAsync(_api.Client, key, "other")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task UserRpmLimit_IsSharedByAllTheUsersKeys()
    {
        AlignToMinuteStart();
        var userId = "rpm-user-" + Guid.NewGuid();
        (await _http.PostAsync("/user/new", new { user_id = userId, rpm_limit = 2, auto_create_key = false }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        var first = await GenerateAsync(new { user_id = userId });
        var second = await GenerateAsync(new { user_id = userId });

        (await Gateway.StatusAsync(_api.Client, first, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, second, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, first, "demo")).Should().Be(HttpStatusCode.TooManyRequests);
        (await Gateway.StatusAsync(_api.Client, second, "demo")).Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task TeamBudget_IsSharedByAllTheTeamsKeys()
    {
        var teamId = (await _http.PostAsync("/team/new", new { max_budget = 0.001 }, ApiServer.MasterKey)).Str("team_id");
        var first = await GenerateAsync(new { team_id = teamId });
        var second = await GenerateAsync(new { team_id = teamId });

        (await Gateway.StatusAsync(_api.Client, first, "demo")).Should().Be(HttpStatusCode.OK);

        (await EventuallyAsync(() => Gateway.StatusAsync(_api.Client, second, "demo"), HttpStatusCode.TooManyRequests)).Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task TpmLimit_OnceTheMinutesTokensAreUsed_Is429()
    {
        AlignToMinuteStart();
        var key = await GenerateAsync(new { tpm_limit = 5 });

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        var status = await EventuallyAsync(() => Gateway.StatusAsync(_api.Client, key, "demo"), HttpStatusCode.TooManyRequests);
        status.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task ParallelLimit_RefusesTheSecondConcurrentRequest()
    {
        var key = await GenerateAsync(new { max_parallel_requests = 1 });

        var both = await Task.WhenAll(Gateway.StatusAsync(_api.Client, key, "slow"), Gateway.StatusAsync(_api.Client, key, "slow"));

        both.Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await EventuallyAsync(() => Gateway.StatusAsync(_api.Client, key, "slow"), HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task KeyBudget_OnceSpent_Is429BudgetExceededWithLimitAndSpend()
    {
        var key = await GenerateAsync(new { max_budget = 0.001 });

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        using var refused = await EventuallyResponseAsync(() => Gateway.ChatAsync(_api.Client, key, "demo"), HttpStatusCode.TooManyRequests);
        var error = await ErrorOf(refused);
        error.GetProperty("type").GetString().Should().Be("budget_exceeded");
        error.GetProperty("message").GetString().Should().Contain("Max budget: 0.001").And.Contain("Current cost:");
    }

    [Test]
    public async Task SpendResetByAnAdmin_LetsTheKeySpendAgain()
    {
        var key = await GenerateAsync(new { max_budget = 0.001 });
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await EventuallyAsync(() => Gateway.StatusAsync(_api.Client, key, "demo"), HttpStatusCode.TooManyRequests)).Should().Be(HttpStatusCode.TooManyRequests);

        // Let the ledger writer add the spent amount to the key first, so the reset is not overtaken by it.
        var token = LlmPlatform.Infrastructure.Access.KeyHasher.Hash(key);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await SpendOfAsync(token) <= 0m && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        (await _http.PostAsync("/key/update", new { key, spend = 0 }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task BudgetWithDuration_ResetsWhenTheWindowEnds()
    {
        var key = await GenerateAsync(new { max_budget = 0.001, budget_duration = "1h" });
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await EventuallyAsync(() => Gateway.StatusAsync(_api.Client, key, "demo"), HttpStatusCode.TooManyRequests)).Should().Be(HttpStatusCode.TooManyRequests);

        _clock.Advance(TimeSpan.FromHours(1));

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ModelMaxBudget_LimitsOnlyThatModel()
    {
        var key = await GenerateAsync(new { model_max_budget = new Dictionary<string, object> { ["demo"] = new { max_budget = 0.001, budget_duration = "1d" } } });
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        (await EventuallyAsync(() => Gateway.StatusAsync(_api.Client, key, "demo"), HttpStatusCode.TooManyRequests)).Should().Be(HttpStatusCode.TooManyRequests);
        (await Gateway.StatusAsync(_api.Client, key, "other")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ParallelRequests_NeverSpendMoreThanTheBudgetPlusOneRequest()
    {
        const decimal budget = 0.05m;
        const int maxTokens = 5;
        var key = await GenerateAsync(new { max_budget = budget });

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await Gateway.ChatAsync(_api.Client, key, "demo", maxTokens: maxTokens);
            return response.StatusCode;
        }));

        var admitted = statuses.Count(s => s == HttpStatusCode.OK);
        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.TooManyRequests);
        admitted.Should().BeGreaterThan(0).And.BeLessThan(100);

        var token = LlmPlatform.Infrastructure.Access.KeyHasher.Hash(key);
        await using var db = await TestDatabaseOf();
        decimal spent = 0;
        long rows = 0;
        for (var i = 0; i < 100 && rows < admitted; i++)
        {
            rows = await ScalarAsync<long>(db, "SELECT count(*) FROM spend_logs WHERE api_key = @k", token);
            await Task.Delay(100);
        }

        rows.Should().Be(admitted);
        spent = await ScalarAsync<decimal>(db, "SELECT COALESCE(sum(spend), 0) FROM spend_logs WHERE api_key = @k", token);
        var oneRequestAtMost = (50 * InputPrice) + (maxTokens * OutputPrice);
        spent.Should().BeLessThanOrEqualTo(budget + oneRequestAtMost);
        spent.Should().BeGreaterThan(budget / 2);
    }

    [Test]
    public async Task BlockedTeam_Is401_AndTeamModels_Are403()
    {
        var team = await _http.PostAsync("/team/new", new { team_alias = "t", models = new[] { "demo" } }, ApiServer.MasterKey);
        var teamId = team.Str("team_id");
        var key = await GenerateAsync(new { team_id = teamId });

        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "other")).Should().Be(HttpStatusCode.Forbidden);

        (await _http.PostAsync("/team/block", new { team_id = teamId }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.Unauthorized);

        (await _http.PostAsync("/team/unblock", new { team_id = teamId }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task BlockedEndUser_Is401_UntilUnblocked()
    {
        var key = await GenerateAsync(new { });
        var customer = "cust-" + Guid.NewGuid();
        (await Gateway.StatusAsync(_api.Client, key, "demo", customer)).Should().Be(HttpStatusCode.OK);

        (await _http.PostAsync("/customer/block", new { user_ids = new[] { customer } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo", customer)).Should().Be(HttpStatusCode.Unauthorized);
        (await Gateway.StatusAsync(_api.Client, key, "demo", "someone-else")).Should().Be(HttpStatusCode.OK);

        (await _http.PostAsync("/customer/unblock", new { user_ids = new[] { customer } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo", customer)).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task AccessGroupFromConfig_AdmitsItsModelsOnly()
    {
        var key = await GenerateAsync(new { models = new[] { "beta" } });

        (await Gateway.StatusAsync(_api.Client, key, "beta-model")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Spend_IsAddedToKeyTeamAndEndUserTotalsFromTheLedger()
    {
        var team = await _http.PostAsync("/team/new", new { team_alias = "spenders" }, ApiServer.MasterKey);
        var teamId = team.Str("team_id");
        var key = await GenerateAsync(new { team_id = teamId });
        var customer = "spender-" + Guid.NewGuid();

        (await Gateway.StatusAsync(_api.Client, key, "demo", customer)).Should().Be(HttpStatusCode.OK);

        decimal keySpend = 0;
        for (var i = 0; i < 50 && keySpend == 0; i++)
        {
            await Task.Delay(100);
            keySpend = (await _http.GetAsync("/key/info?key=" + key, ApiServer.MasterKey)).Json.GetProperty("info").GetProperty("spend").GetDecimal();
        }

        keySpend.Should().BePositive();
        var teamInfo = await _http.GetAsync("/team/info?team_id=" + teamId, ApiServer.MasterKey);
        teamInfo.Json.GetProperty("team_info").GetProperty("spend").GetDecimal().Should().Be(keySpend);
        var endUser = await _http.GetAsync("/customer/info?end_user_id=" + customer, ApiServer.MasterKey);
        endUser.Json.GetProperty("spend").GetDecimal().Should().Be(keySpend);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new AssertionException($"missing header {name}");

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").Clone();

    private static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpStatusCode>> call, HttpStatusCode wanted)
    {
        var status = await call();
        for (var i = 0; i < 30 && status != wanted; i++)
        {
            await Task.Delay(100);
            status = await call();
        }

        return status;
    }

    private static async Task<HttpResponseMessage> EventuallyResponseAsync(Func<Task<HttpResponseMessage>> call, HttpStatusCode wanted)
    {
        var response = await call();
        for (var i = 0; i < 30 && response.StatusCode != wanted; i++)
        {
            response.Dispose();
            await Task.Delay(100);
            response = await call();
        }

        return response;
    }

    private static async Task<T> ScalarAsync<T>(Npgsql.NpgsqlConnection db, string sql, string key)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("k", key);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task<decimal> SpendOfAsync(string token)
    {
        await using var db = await TestDatabaseOf();
        return await ScalarAsync<decimal>(db, "SELECT spend FROM virtual_keys WHERE token = @k", token);
    }

    private async Task<Npgsql.NpgsqlConnection> TestDatabaseOf()
    {
        var db = new Npgsql.NpgsqlConnection(LlmPlatform.Infrastructure.Persistence.ConnectionStrings.ToNpgsql(_api.DatabaseUrl));
        await db.OpenAsync();
        return db;
    }

    /// <summary>Moves the clock to just after a minute starts, so a test's requests share one rate window.</summary>
    private void AlignToMinuteStart()
    {
        var now = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond) + TimeSpan.FromSeconds(1));
    }

    private async Task<string> GenerateAsync(object body)
    {
        var reply = await _http.PostAsync("/key/generate", body, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("key");
    }
}
