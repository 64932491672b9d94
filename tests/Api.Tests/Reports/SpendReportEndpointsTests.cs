using System.Net;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Domain.Access;
using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LlmPlatform.Api.Tests.Reports;

/// <summary>
/// Every spend and usage report against five known ledger rows written by the real ledger writer, sums compared
/// exactly. Key A belongs to user U1 (no team), key B to team Alpha, key C to team Beta.
/// <code>
/// r1  A  U1  -      gpt-a  2026-03-01 10:00:00  0.10       100+50    100 ms  [alpha, beta]  cust-1
/// r2  A  U1  -      gpt-b  2026-03-01 11:30:00  0.25       200+100   300 ms  [alpha]        cust-2
/// r3  B  -   Alpha  gpt-a  2026-03-02 09:00:00  1.05       1000+500  1000 ms               cust-1  (failed)
/// r4  C  -   Beta   gpt-a  2026-03-02 23:59:59  0.0123456  10+5      50 ms   [beta]
/// r5  C  -   Beta   gpt-b  2026-03-03 00:00:01  2.50       400+300   2000 ms
/// r6  A  U1  -      gpt-a  now                  0.50       20+10     200 ms                 (this month, for billing)
/// </code>
/// </summary>
public sealed class SpendReportEndpointsTests
{
    private const string Config = """
        model_list:
          - model_name: gpt-a
            litellm_params:
              model: mock/gpt-a
        """;

    private const string Range = "start_date=2026-03-01&end_date=2026-03-03";

    private ApiServer _api = null!;
    private AdminHttp _http = null!;
    private string _keyA = null!;
    private string _keyB = null!;
    private string _keyC = null!;
    private string _user = null!;
    private string _alpha = null!;
    private string _beta = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(Config);
        _http = new AdminHttp(_api.Client);
        _user = "u1-" + Guid.NewGuid().ToString("N")[..8];
        (await _http.PostAsync("/user/new", new { user_id = _user, user_email = "u1@example.com", user_role = "internal_user" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        _alpha = (await _http.PostAsync("/team/new", new { team_alias = "Alpha" }, ApiServer.MasterKey)).Str("team_id");
        _beta = (await _http.PostAsync("/team/new", new { team_alias = "Beta" }, ApiServer.MasterKey)).Str("team_id");
        _keyA = (await _http.PostAsync("/key/generate", new { user_id = _user, key_alias = "key-a", max_budget = 20 }, ApiServer.MasterKey)).Str("key");
        _keyB = (await _http.PostAsync("/key/generate", new { team_id = _alpha, key_alias = "key-b" }, ApiServer.MasterKey)).Str("key");
        _keyC = (await _http.PostAsync("/key/generate", new { team_id = _beta, key_alias = "key-c" }, ApiServer.MasterKey)).Str("key");

        var now = DateTimeOffset.UtcNow;
        await WriteAsync(
            Event("r1", _keyA, _user, null, "gpt-a", At(1, 10, 0, 0), 0.10m, 100, 50, 100, ["alpha", "beta"], "cust-1"),
            Event("r2", _keyA, _user, null, "gpt-b", At(1, 11, 30, 0), 0.25m, 200, 100, 300, ["alpha"], "cust-2"),
            Event("r3", _keyB, null, _alpha, "gpt-a", At(2, 9, 0, 0), 1.05m, 1000, 500, 1000, null, "cust-1") with { Status = "failure", ErrorType = "upstream_error" },
            Event("r4", _keyC, null, _beta, "gpt-a", At(2, 23, 59, 59), 0.0123456m, 10, 5, 50, ["beta"], null),
            Event("r5", _keyC, null, _beta, "gpt-b", At(3, 0, 0, 1), 2.50m, 400, 300, 2000, null, null),
            Event("r6", _keyA, _user, null, "gpt-a", now, 0.50m, 20, 10, 200, null, null));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task SpendKeys_ForAnAdmin_ListsEachKeyWithItsExactSpendMostFirst()
    {
        var reply = await Admin("/spend/keys?" + Range);

        reply.Status.Should().Be(HttpStatusCode.OK);
        var rows = reply.Json.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("key_alias").GetString()).Should().Equal("key-c", "key-b", "key-a");
        Spend(rows, "token", KeySecret.Hash(_keyC)).Should().Be(2.5123456m);
        Spend(rows, "token", KeySecret.Hash(_keyB)).Should().Be(1.05m);
        Spend(rows, "token", KeySecret.Hash(_keyA)).Should().Be(0.35m);
        rows.Single(r => r.GetProperty("key_alias").GetString() == "key-a").GetProperty("total_tokens").GetInt64().Should().Be(450);
        rows.Single(r => r.GetProperty("key_alias").GetString() == "key-a").GetProperty("api_requests").GetInt64().Should().Be(2);
    }

    [Test]
    public async Task SpendKeys_WithoutDates_CountsAllTime()
    {
        var rows = (await Admin("/spend/keys")).Json.EnumerateArray().ToList();

        Spend(rows, "token", KeySecret.Hash(_keyA)).Should().Be(0.85m, "this month's r6 counts too");
        Spend(rows, "token", KeySecret.Hash(_keyC)).Should().Be(2.5123456m);
    }

    [Test]
    public async Task SpendUsersTeamsModelsEndUsers_ForAnAdmin_SumPerEntity()
    {
        var users = (await Admin("/spend/users?" + Range)).Json.EnumerateArray().ToList();
        var teams = (await Admin("/spend/teams?" + Range)).Json.EnumerateArray().ToList();
        var models = (await Admin("/spend/models?" + Range)).Json.EnumerateArray().ToList();
        var endUsers = (await Admin("/spend/end_users?" + Range)).Json.EnumerateArray().ToList();

        users.Should().ContainSingle();
        Spend(users, "user_id", _user).Should().Be(0.35m);
        users[0].GetProperty("user_email").GetString().Should().Be("u1@example.com");
        teams.Should().HaveCount(2);
        Spend(teams, "team_id", _beta).Should().Be(2.5123456m);
        Spend(teams, "team_id", _alpha).Should().Be(1.05m);
        teams.Single(t => t.GetProperty("team_id").GetString() == _alpha).GetProperty("team_alias").GetString().Should().Be("Alpha");
        Spend(models, "model", "gpt-b").Should().Be(2.75m);
        Spend(models, "model", "gpt-a").Should().Be(1.1623456m);
        Spend(endUsers, "end_user", "cust-1").Should().Be(1.15m);
        Spend(endUsers, "end_user", "cust-2").Should().Be(0.25m);
    }

    [Test]
    public async Task SpendTags_ForAnAdmin_AnswersAsLiteLlmWithEachTagOncePerRequest()
    {
        var rows = (await Admin("/spend/tags?" + Range)).Json.EnumerateArray().ToList();

        rows.Select(r => r.GetProperty("individual_request_tag").GetString()).Should().Equal("alpha", "beta");
        rows[0].GetProperty("total_spend").GetDecimal().Should().Be(0.35m);
        rows[0].GetProperty("log_count").GetInt64().Should().Be(2);
        rows[1].GetProperty("total_spend").GetDecimal().Should().Be(0.1123456m);
        rows[1].GetProperty("log_count").GetInt64().Should().Be(2);
    }

    [Test]
    public async Task SpendLogs_FilteredByKey_ReturnsItsRowsNewestFirstWithLiteLlmFields()
    {
        var reply = await Admin("/spend/logs?api_key=" + _keyC);

        var rows = reply.Json.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("request_id").GetString()).Should().Equal(Id("r5"), Id("r4"));
        rows[1].GetProperty("api_key").GetString().Should().Be(KeySecret.Hash(_keyC));
        rows[1].GetProperty("spend").GetDecimal().Should().Be(0.0123456m);
        rows[1].GetProperty("startTime").GetDateTimeOffset().Should().Be(At(2, 23, 59, 59));
        rows[1].GetProperty("team_id").GetString().Should().Be(_beta);
        rows[1].GetProperty("request_tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("beta");
        rows[1].GetProperty("total_tokens").GetInt64().Should().Be(15);
    }

    [Test]
    public async Task SpendLogs_WithPaging_ReturnsTheRequestedPage()
    {
        var page = (await Admin("/spend/logs?" + Range + "&page=2&page_size=2")).Json.EnumerateArray()
            .Select(r => r.GetProperty("request_id").GetString()).ToList();

        page.Should().Equal(Id("r3"), Id("r2"));
    }

    [Test]
    public async Task SpendLogs_ForOneDay_IncludesTheWholeEndDayOnly()
    {
        var ids = (await Admin("/spend/logs?start_date=2026-03-02&end_date=2026-03-02")).Json.EnumerateArray()
            .Select(r => r.GetProperty("request_id").GetString()).ToList();

        ids.Should().Equal(Id("r4"), Id("r3"));
    }

    [Test]
    public async Task SpendLogs_ByRequestIdAndByUser_FindTheirRows()
    {
        var byId = (await Admin("/spend/logs?request_id=" + Id("r3"))).Json.EnumerateArray().ToList();
        var byUser = (await Admin("/spend/logs?user_id=" + _user + "&" + Range)).Json.EnumerateArray().ToList();
        var byTeam = (await Admin("/spend/logs?team_id=" + _alpha + "&" + Range)).Json.EnumerateArray().ToList();

        byId.Should().ContainSingle().Which.GetProperty("status").GetString().Should().Be("failure");
        byUser.Select(r => r.GetProperty("request_id").GetString()).Should().Equal(Id("r2"), Id("r1"));
        byTeam.Select(r => r.GetProperty("request_id").GetString()).Should().Equal(Id("r3"));
    }

    [Test]
    public async Task GlobalSpendReport_ByTeam_GivesEachDayItsTeamsAndTheirModels()
    {
        var days = (await Admin("/global/spend/report?" + Range)).Json.EnumerateArray().ToList();

        days.Select(d => d.GetProperty("group_by_day").GetString()).Should().Equal("2026-03-01", "2026-03-02", "2026-03-03");
        var second = days[1].GetProperty("teams").EnumerateArray().ToList();
        second.Select(t => t.GetProperty("team_name").GetString()).Should().Equal("Alpha", "Beta");
        second[0].GetProperty("total_spend").GetDecimal().Should().Be(1.05m);
        second[1].GetProperty("total_spend").GetDecimal().Should().Be(0.0123456m);
        var first = days[0].GetProperty("teams").EnumerateArray().Single();
        first.GetProperty("team_name").ValueKind.Should().Be(JsonValueKind.Null, "r1 and r2 have no team");
        first.GetProperty("total_spend").GetDecimal().Should().Be(0.35m);
        first.GetProperty("metadata").EnumerateArray().Select(m => (m.GetProperty("model").GetString(), m.GetProperty("spend").GetDecimal(), m.GetProperty("total_tokens").GetInt64()))
            .Should().Equal(("gpt-b", 0.25m, 300L), ("gpt-a", 0.10m, 150L));
    }

    [TestCase("api_key", "api_keys", "api_key")]
    [TestCase("customer", "customers", "customer")]
    [TestCase("model", "models", "model")]
    [TestCase("tag", "tags", "tag")]
    public async Task GlobalSpendReport_ByOtherGroupings_NamesTheListAndAddsUp(string groupBy, string list, string name)
    {
        var days = (await Admin("/global/spend/report?" + Range + "&group_by=" + groupBy)).Json.EnumerateArray().ToList();

        var groups = days.SelectMany(d => d.GetProperty(list).EnumerateArray()).ToList();
        groups.Select(g => g.TryGetProperty(name, out var _)).Should().OnlyContain(present => present);
        var expected = groupBy switch
        {
            "tag" => 0.35m + 0.1123456m,
            _ => 3.9123456m,
        };
        groups.Sum(g => g.GetProperty("total_spend").GetDecimal()).Should().Be(expected);
    }

    [Test]
    public async Task Usage_ByDay_ReportsEachDayAndModelWithPercentilesAndTotals()
    {
        var reply = await Admin("/usage?" + Range);

        reply.Status.Should().Be(HttpStatusCode.OK);
        var data = reply.Json.GetProperty("data").EnumerateArray().ToList();
        data.Select(d => (d.GetProperty("date").GetString(), d.GetProperty("model").GetString())).Should().Equal(
            ("2026-03-01", "gpt-a"), ("2026-03-01", "gpt-b"), ("2026-03-02", "gpt-a"), ("2026-03-03", "gpt-b"));
        var march2 = data[2];
        march2.GetProperty("requests").GetInt64().Should().Be(2);
        march2.GetProperty("tokens").GetProperty("prompt_tokens").GetInt64().Should().Be(1010);
        march2.GetProperty("tokens").GetProperty("completion_tokens").GetInt64().Should().Be(505);
        march2.GetProperty("tokens").GetProperty("total_tokens").GetInt64().Should().Be(1515);
        march2.GetProperty("cost").GetProperty("amount").GetDecimal().Should().Be(1.0623456m);
        march2.GetProperty("cost").GetProperty("currency").GetString().Should().Be("USD");
        march2.GetProperty("latency").GetProperty("p50_ms").GetInt64().Should().BeInRange(50, 63, "the 50 ms request, within one 25 % bucket");
        march2.GetProperty("latency").GetProperty("p95_ms").GetInt64().Should().BeInRange(1000, 1250);
        march2.GetProperty("latency").GetProperty("p99_ms").GetInt64().Should().BeInRange(1000, 1250);
        var total = reply.Json.GetProperty("total");
        total.GetProperty("requests").GetInt64().Should().Be(5);
        total.GetProperty("tokens").GetInt64().Should().Be(2665);
        total.GetProperty("cost").GetDecimal().Should().Be(3.9123456m);
    }

    [Test]
    public async Task Usage_ByHourForOneModel_ReportsEachHourOfThatModel()
    {
        var reply = await Admin("/usage?" + Range + "&granularity=hour&model=gpt-a");

        var data = reply.Json.GetProperty("data").EnumerateArray().ToList();
        data.Select(d => d.GetProperty("date").GetString()).Should().Equal("2026-03-01T10:00:00Z", "2026-03-02T09:00:00Z", "2026-03-02T23:00:00Z");
        data.Should().OnlyContain(d => d.GetProperty("model").GetString() == "gpt-a");
        data[0].GetProperty("latency").GetProperty("p50_ms").GetInt64().Should().BeInRange(100, 125);
        reply.Json.GetProperty("total").GetProperty("cost").GetDecimal().Should().Be(1.1623456m);
    }

    [Test]
    public async Task UsageBilling_ForAKeyWithABudget_ReportsThisMonthAgainstTheBudget()
    {
        var reply = await _http.GetAsync("/usage/billing", _keyA);

        reply.Status.Should().Be(HttpStatusCode.OK);
        var today = DateTime.UtcNow;
        var period = reply.Json.GetProperty("current_period");
        period.GetProperty("start_date").GetString().Should().Be($"{today:yyyy-MM}-01");
        period.GetProperty("usage").GetProperty("requests").GetInt64().Should().Be(1);
        period.GetProperty("usage").GetProperty("tokens").GetInt64().Should().Be(30);
        period.GetProperty("usage").GetProperty("cost").GetDecimal().Should().Be(0.50m);
        period.GetProperty("limits").GetProperty("monthly_budget").GetDecimal().Should().Be(20m);
        period.GetProperty("limits").GetProperty("requests_per_month").ValueKind.Should().Be(JsonValueKind.Null, "seed 001's members are there even when there is no such quota");
        period.GetProperty("limits").GetProperty("tokens_per_month").ValueKind.Should().Be(JsonValueKind.Null);
        reply.Json.GetProperty("payment_method").ValueKind.Should().Be(JsonValueKind.Null);
        reply.Json.GetProperty("next_billing_date").GetString().Should().Be($"{today.AddMonths(1):yyyy-MM}-01");
    }

    [Test]
    public async Task NonAdminKey_SeesOnlyItsOwnKeyUserAndTeam()
    {
        var keys = (await _http.GetAsync("/spend/keys?" + Range, _keyC)).Json.EnumerateArray().ToList();
        var logs = (await _http.GetAsync("/spend/logs?" + Range, _keyC)).Json.EnumerateArray().ToList();
        var othersLogs = (await _http.GetAsync("/spend/logs?user_id=" + _user, _keyC)).Json.EnumerateArray().ToList();
        var teams = (await _http.GetAsync("/global/spend/report?" + Range, _keyC)).Json.EnumerateArray()
            .SelectMany(d => d.GetProperty("teams").EnumerateArray()).ToList();
        var usage = await _http.GetAsync("/usage?" + Range, _keyC);
        var userKeyUsage = await _http.GetAsync("/usage?" + Range, _keyA);

        keys.Should().ContainSingle().Which.GetProperty("key_alias").GetString().Should().Be("key-c");
        logs.Select(r => r.GetProperty("request_id").GetString()).Should().Equal(Id("r5"), Id("r4"));
        othersLogs.Should().BeEmpty();
        teams.Should().OnlyContain(t => t.GetProperty("team_name").GetString() == "Beta");
        usage.Json.GetProperty("total").GetProperty("cost").GetDecimal().Should().Be(2.5123456m);
        userKeyUsage.Json.GetProperty("total").GetProperty("cost").GetDecimal().Should().Be(0.35m);
    }

    [Test]
    public async Task ReplayedBatch_DoesNotCountTwice()
    {
        var before = (await Admin("/usage?" + Range)).Json.GetProperty("total").GetProperty("cost").GetDecimal();

        await WriteAsync(
            Event("r1", _keyA, _user, null, "gpt-a", At(1, 10, 0, 0), 0.10m, 100, 50, 100, ["alpha", "beta"], "cust-1"),
            Event("sentinel", _keyB, null, _alpha, "gpt-a", new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), 0.07m, 1, 1, 10, null, null));

        (await Admin("/usage?" + Range)).Json.GetProperty("total").GetProperty("cost").GetDecimal().Should().Be(before).And.Be(3.9123456m);
        Spend((await Admin("/spend/keys?" + Range)).Json.EnumerateArray().ToList(), "token", KeySecret.Hash(_keyA)).Should().Be(0.35m);
        (await Admin("/spend/tags?" + Range)).Json.EnumerateArray().First().GetProperty("log_count").GetInt64().Should().Be(2);
    }

    [Test]
    public async Task ChatCompletion_WithMetadataTags_IsCountedUnderEachTag()
    {
        var requestId = "tagged-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(
                """{"model":"gpt-a","messages":[{"role":"user","content":"hi"}],"metadata":{"tags":["from-request","team:x","from-request",7]}}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("x-request-id", requestId);
        using var response = await _api.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SpendLogProbe.RowsAsync(_api, requestId)).Should().ContainSingle();

        var tags = (await Admin("/spend/tags")).Json.EnumerateArray().ToList();
        var logged = (await Admin("/spend/logs?request_id=" + requestId)).Json.EnumerateArray().Single();

        tags.Single(t => t.GetProperty("individual_request_tag").GetString() == "from-request").GetProperty("log_count").GetInt64().Should().Be(1);
        tags.Should().Contain(t => t.GetProperty("individual_request_tag").GetString() == "team:x");
        logged.GetProperty("request_tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("from-request", "team:x");
    }

    [Test]
    public async Task LaterBatch_InTheSameBucket_AddsToItsCountsAndHistogram()
    {
        var day = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);
        await WriteAsync(Event("m1", _keyB, null, _alpha, "gpt-a", day, 0.30m, 10, 10, 400, ["late"], null));
        await WriteAsync(Event("m2", _keyB, null, _alpha, "gpt-a", day.AddMinutes(5), 0.45m, 20, 20, 800, ["late"], null));

        var usage = (await Admin("/usage?start_date=2026-03-05&end_date=2026-03-05")).Json.GetProperty("data").EnumerateArray().Single();
        var hourly = (await Admin("/usage?start_date=2026-03-05&end_date=2026-03-05&granularity=hour")).Json.GetProperty("data").EnumerateArray().Single();
        var tag = (await Admin("/spend/tags?start_date=2026-03-05&end_date=2026-03-05")).Json.EnumerateArray().Single();

        usage.GetProperty("requests").GetInt64().Should().Be(2);
        usage.GetProperty("cost").GetProperty("amount").GetDecimal().Should().Be(0.75m);
        usage.GetProperty("latency").GetProperty("p50_ms").GetInt64().Should().BeInRange(400, 500);
        usage.GetProperty("latency").GetProperty("p99_ms").GetInt64().Should().BeInRange(800, 1000);
        hourly.GetProperty("requests").GetInt64().Should().Be(2);
        hourly.GetProperty("latency").GetProperty("p99_ms").GetInt64().Should().BeInRange(800, 1000);
        tag.GetProperty("log_count").GetInt64().Should().Be(2);
        tag.GetProperty("total_spend").GetDecimal().Should().Be(0.75m);
    }

    [TestCase("/spend/logs?start_date=2026-13-01", "start_date")]
    [TestCase("/spend/logs?end_date=yesterday", "end_date")]
    [TestCase("/spend/logs?page_size=0", "page_size")]
    [TestCase("/spend/logs?page=0", "page")]
    [TestCase("/spend/logs?page=abc", "page")]
    [TestCase("/spend/keys?start_date=2026-03-05&end_date=2026-03-01", "end_date")]
    [TestCase("/spend/tags?limit=0", "limit")]
    [TestCase("/spend/users?limit=many", "limit")]
    [TestCase("/global/spend/report?group_by=planet", "group_by")]
    [TestCase("/usage?granularity=week", "granularity")]
    [TestCase("/usage?granularity=hour&start_date=2026-01-01&end_date=2026-03-01", "start_date")]
    [TestCase("/usage?start_date=2026-03-01T25:00:00Z", "start_date")]
    public async Task BadParameter_Answers400NamingIt(string path, string param)
    {
        var reply = await Admin(path);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorType.Should().Be("invalid_request_error");
        reply.Json.GetProperty("error").GetProperty("param").GetString().Should().Be(param);
    }

    [Test]
    public async Task Dates_AsIsoTimestamps_AreReadAsTheirUtcDay()
    {
        var ids = (await Admin("/spend/logs?start_date=2026-03-02T08:00:00Z&end_date=2026-03-02T10:00:00%2B00:00")).Json.EnumerateArray()
            .Select(r => r.GetProperty("request_id").GetString()).ToList();

        ids.Should().Equal(Id("r4"), Id("r3"));
    }

    private static DateTimeOffset At(int day, int hour, int minute, int second) => new(2026, 3, day, hour, minute, second, TimeSpan.Zero);

    private static decimal Spend(List<JsonElement> rows, string idField, string id) =>
        rows.Single(r => r.GetProperty(idField).GetString() == id).GetProperty("spend").GetDecimal();

    private string Id(string name) => name + "-" + _api.BaseUri.Port;

    private Task<AdminHttp.Reply> Admin(string path) => _http.GetAsync(path, ApiServer.MasterKey);

    private UsageEvent Event(string name, string key, string? user, string? team, string model, DateTimeOffset start, decimal cost, long prompt, long completion, int latencyMs, IReadOnlyList<string>? tags, string? endUser) => new()
    {
        RequestId = Id(name),
        CallType = "acompletion",
        KeyHash = KeySecret.Hash(key),
        UserId = user,
        TeamId = team,
        EndUser = endUser,
        ModelGroup = model,
        Provider = "mock",
        PromptTokens = prompt,
        CompletionTokens = completion,
        Cost = cost,
        StartTime = start,
        EndTime = start.AddMilliseconds(latencyMs),
        Status = "success",
        Tags = tags,
    };

    /// <summary>Publishes the events to the ledger and waits until the writer has committed the last one.</summary>
    private async Task WriteAsync(params UsageEvent[] events)
    {
        var ledger = _api.Services.GetRequiredService<SpendLedger>();
        foreach (var e in events)
        {
            ledger.Publish(e);
        }

        await using var db = new NpgsqlConnection(ConnectionStrings.ToNpgsql(_api.DatabaseUrl));
        await db.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM spend_logs WHERE request_id = @id", db);
            command.Parameters.AddWithValue("id", events[^1].RequestId);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The ledger writer did not write the events.");
    }
}
