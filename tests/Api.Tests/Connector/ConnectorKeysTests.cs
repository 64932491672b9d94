using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Connector;

/// <summary>
/// The Connector dialect's keys (seed 004): a key is also a user, named by an integer id; admin keys may use the
/// admin API, user keys only their own; recharges raise the budget and are listed; answers in
/// <c>{"success", "data"}</c>, failures with the message in <c>data</c>.
/// </summary>
public sealed class ConnectorKeysTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: file-model
            litellm_params:
              model: mock/file-model
              mock_response: "from the file"
            model_info:
              input_cost_per_token: 0.01
              output_cost_per_token: 0.01
        """;

    [Test]
    public async Task Apply_ReturnsTheKeyOnce_AndItIsAlsoAUser()
    {
        var applied = await Http.PostAsync("/admin/api-key/apply", new { name = "jack", group_id = 0, role = "user", email = "jack@example.com", month_quota = 1.5m }, ApiServer.MasterKey);
        applied.Status.Should().Be(HttpStatusCode.OK, applied.Text);
        applied.Json.GetProperty("success").GetBoolean().Should().BeTrue();
        var data = applied.Json.GetProperty("data");
        var id = data.GetProperty("id").GetInt64();
        id.Should().BePositive();
        var apiKey = data.GetProperty("api_key").GetString()!;
        apiKey.Should().StartWith("sk-");
        data.GetProperty("name").GetString().Should().Be("jack");
        data.GetProperty("email").GetString().Should().Be("jack@example.com");
        data.GetProperty("role").GetString().Should().Be("user");
        data.GetProperty("month_quota").GetDecimal().Should().Be(1.5m);
        data.GetProperty("balance").GetDecimal().Should().Be(0);

        var detail = await Http.GetAsync($"/admin/api-key/detail/{id}", ApiServer.MasterKey);
        detail.Status.Should().Be(HttpStatusCode.OK, detail.Text);
        detail.Json.GetProperty("data").GetProperty("name").GetString().Should().Be("jack");
        detail.Json.GetProperty("data").TryGetProperty("api_key", out _).Should().BeFalse("keys are stored as hashes only");
        detail.Text.Should().NotContain(apiKey);

        var list = await Http.GetAsync("/admin/api-key/list?q=jac&limit=5", ApiServer.MasterKey);
        list.Status.Should().Be(HttpStatusCode.OK, list.Text);
        var page = list.Json.GetProperty("data");
        page.GetProperty("limit").GetInt32().Should().Be(5);
        page.GetProperty("offset").GetInt32().Should().Be(0);
        page.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        page.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("id").GetInt64()).Should().Contain(id);
        list.Text.Should().NotContain(apiKey);

        // The key is a user of the admin API too, with the name and email given.
        var users = await Http.GetAsync("/user/list", ApiServer.MasterKey);
        users.Text.Should().Contain("jack@example.com");

        var mine = await Http.GetAsync("/user/api-key/mine", apiKey);
        mine.Status.Should().Be(HttpStatusCode.OK, mine.Text);
        mine.Json.GetProperty("data").GetProperty("id").GetInt64().Should().Be(id);
        mine.Json.GetProperty("data").TryGetProperty("api_key", out _).Should().BeFalse();
    }

    [Test]
    public async Task AUserKey_IsRefusedOnTheAdminApi_AndAnAdminKeyIsServed()
    {
        var user = await ApplyAsync("plain-user", "user", 1);
        var admin = await ApplyAsync("an-admin", "admin", 1);

        var refused = await Http.GetAsync("/admin/api-key/list", user.Key);
        refused.Status.Should().Be(HttpStatusCode.Forbidden, refused.Text);
        refused.Json.GetProperty("success").GetBoolean().Should().BeFalse();
        refused.Json.GetProperty("data").GetString().Should().NotBeNullOrEmpty();

        var created = await Http.PostAsync("/admin/api-key/apply", new { name = "made-by-admin" }, admin.Key);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Json.GetProperty("data").GetProperty("role").GetString().Should().Be("user");

        var noKey = await Http.GetAsync("/admin/api-key/list", "sk-not-a-key");
        noKey.Status.Should().Be(HttpStatusCode.Unauthorized, noKey.Text);
        noKey.Json.GetProperty("success").GetBoolean().Should().BeFalse();

        var demoted = await Http.PostAsync("/admin/api-key/update", new { id = admin.Id, role = "user", name = "no-longer-admin" }, ApiServer.MasterKey);
        demoted.Status.Should().Be(HttpStatusCode.OK, demoted.Text);
        demoted.Json.GetProperty("data").GetProperty("role").GetString().Should().Be("user");
        demoted.Json.GetProperty("data").GetProperty("name").GetString().Should().Be("no-longer-admin");
        await ConnectorHttp.WaitForAsync(async () => (await Http.GetAsync("/admin/api-key/list", admin.Key)).Status == HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Recharge_RaisesTheBudget_AndIsListedAsAPayment()
    {
        var key = await ApplyAsync("spender", "user", 0);
        var call = await ChatAsync(key.Key);
        call.Status.Should().Be((HttpStatusCode)429, "a month_quota of 0 with no balance allows nothing: " + call.Text);

        var recharged = await Http.PostAsync("/admin/api-key/recharge", new { api_key = key.Key, balance = 5.25m }, ApiServer.MasterKey);
        recharged.Status.Should().Be(HttpStatusCode.OK, recharged.Text);
        recharged.Json.GetProperty("data").GetProperty("balance").GetDecimal().Should().Be(5.25m);
        recharged.Text.Should().NotContain(key.Key);

        var again = await Http.PostAsync("/admin/api-key/recharge", new { id = key.Id, balance = 1 }, ApiServer.MasterKey);
        again.Json.GetProperty("data").GetProperty("balance").GetDecimal().Should().Be(6.25m);

        var info = await Http.GetAsync("/key/info?key=" + key.Key, ApiServer.MasterKey);
        info.Json.GetProperty("info").GetProperty("max_budget").GetDecimal().Should().Be(6.25m, "the budget is month_quota + balance");
        info.Json.GetProperty("info").GetProperty("budget_duration").GetString().Should().Be("1mo");

        await ConnectorHttp.WaitForAsync(async () => (await ChatAsync(key.Key)).Status == HttpStatusCode.OK);

        var payments = await Http.GetAsync($"/admin/payment/list?key_id={key.Id}", ApiServer.MasterKey);
        payments.Status.Should().Be(HttpStatusCode.OK, payments.Text);
        var items = payments.Json.GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        items.Select(p => p.GetProperty("fee").GetDecimal()).Should().Equal(1m, 5.25m);
        items.Should().OnlyContain(p => p.GetProperty("key_id").GetInt64() == key.Id);
        payments.Json.GetProperty("data").GetProperty("total").GetInt32().Should().Be(2);
    }

    [Test]
    public async Task RechargesAtTheSameMoment_AllCount()
    {
        var key = await ApplyAsync("busy-wallet", "user", 1);
        var recharges = Enumerable.Range(0, 8)
            .Select(_ => Http.PostAsync("/admin/api-key/recharge", new { id = key.Id, balance = 0.5m }, ApiServer.MasterKey))
            .ToList();
        (await Task.WhenAll(recharges)).Should().OnlyContain(r => r.Status == HttpStatusCode.OK);

        var info = await Http.GetAsync("/key/info?key=" + key.Key, ApiServer.MasterKey);
        info.Json.GetProperty("info").GetProperty("max_budget").GetDecimal().Should().Be(5m, "a month_quota of 1 plus eight recharges of 0.5");
        var detail = await Http.GetAsync($"/admin/api-key/detail/{key.Id}", ApiServer.MasterKey);
        detail.Json.GetProperty("data").GetProperty("balance").GetDecimal().Should().Be(4m);
    }

    [Test]
    public async Task UpdateMonthQuota_KeepsTheBalance_InTheBudget()
    {
        var key = await ApplyAsync("quota-change", "user", 2);
        await Http.PostAsync("/admin/api-key/recharge", new { id = key.Id, balance = 3 }, ApiServer.MasterKey);
        var updated = await Http.PostAsync("/admin/api-key/update", new { id = key.Id, month_quota = 10 }, ApiServer.MasterKey);
        updated.Status.Should().Be(HttpStatusCode.OK, updated.Text);
        updated.Json.GetProperty("data").GetProperty("month_quota").GetDecimal().Should().Be(10);
        updated.Json.GetProperty("data").GetProperty("balance").GetDecimal().Should().Be(3);
        updated.Json.GetProperty("data").GetProperty("name").GetString().Should().Be("quota-change", "fields not given stay");
        var info = await Http.GetAsync("/key/info?key=" + key.Key, ApiServer.MasterKey);
        info.Json.GetProperty("info").GetProperty("max_budget").GetDecimal().Should().Be(13m);

        var byUser = await Http.GetAsync($"/admin/api-key/detail/{key.Id}", key.Key);
        byUser.Status.Should().Be(HttpStatusCode.Forbidden, byUser.Text);
    }

    [Test]
    public async Task ResetKey_ShowsANewKey_AndTheOldOneStops()
    {
        var key = await ApplyAsync("resettable", "user", 1);
        var reset = await Http.PostAsync("/admin/api-key/reset-key", new { id = key.Id }, ApiServer.MasterKey);
        reset.Status.Should().Be(HttpStatusCode.OK, reset.Text);
        var fresh = reset.Json.GetProperty("data").GetProperty("api_key").GetString()!;
        fresh.Should().NotBe(key.Key);
        reset.Json.GetProperty("data").GetProperty("id").GetInt64().Should().Be(key.Id, "the key keeps its id");

        await ConnectorHttp.WaitForAsync(async () => (await Http.GetAsync("/user/api-key/mine", key.Key)).Status == HttpStatusCode.Unauthorized);
        (await Http.GetAsync("/user/api-key/mine", fresh)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Delete_RemovesTheKeyAndItsUser()
    {
        var key = await ApplyAsync("to-delete", "user", 1);
        await Http.PostAsync("/admin/api-key/recharge", new { id = key.Id, balance = 2 }, ApiServer.MasterKey);
        var deleted = await Http.PostAsync("/admin/api-key/delete", new { id = key.Id }, ApiServer.MasterKey);
        deleted.Status.Should().Be(HttpStatusCode.OK, deleted.Text);
        deleted.Json.GetProperty("data").GetBoolean().Should().BeTrue();

        var detail = await Http.GetAsync($"/admin/api-key/detail/{key.Id}", ApiServer.MasterKey);
        detail.Status.Should().Be(HttpStatusCode.NotFound, detail.Text);
        detail.Json.GetProperty("success").GetBoolean().Should().BeFalse();
        (await Http.GetAsync($"/admin/payment/list?key_id={key.Id}", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
        await ConnectorHttp.WaitForAsync(async () => (await Http.GetAsync("/user/api-key/mine", key.Key)).Status == HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task MasterKey_HasNoKeyOfItsOwn()
    {
        var mine = await Http.GetAsync("/user/api-key/mine", ApiServer.MasterKey);
        mine.Status.Should().Be(HttpStatusCode.NotFound, mine.Text);
        mine.Json.GetProperty("success").GetBoolean().Should().BeFalse();
    }

    [TestCase("POST", "/admin/api-key/apply", """{"name": ""}""", 400)]
    [TestCase("POST", "/admin/api-key/apply", """{"name": "x", "role": "root"}""", 400)]
    [TestCase("POST", "/admin/api-key/apply", """{"name": "x", "month_quota": -1}""", 400)]
    [TestCase("POST", "/admin/api-key/apply", """{"name": "x", "group_id": 999999}""", 404)]
    [TestCase("POST", "/admin/api-key/apply", """{"name": "x", "group_id": "abc"}""", 400)]
    [TestCase("POST", "/admin/api-key/apply", """not json""", 400)]
    [TestCase("POST", "/admin/api-key/update", """{"name": "x"}""", 400)]
    [TestCase("POST", "/admin/api-key/update", """{"id": 999999, "name": "x"}""", 404)]
    [TestCase("POST", "/admin/api-key/recharge", """{"balance": 1}""", 400)]
    [TestCase("POST", "/admin/api-key/recharge", """{"id": 999999, "balance": 1}""", 404)]
    [TestCase("POST", "/admin/api-key/recharge", """{"api_key": "sk-unknown", "balance": 1}""", 404)]
    [TestCase("POST", "/admin/api-key/recharge", """{"id": 1, "balance": 0}""", 400)]
    [TestCase("POST", "/admin/api-key/reset-key", """{}""", 400)]
    [TestCase("POST", "/admin/api-key/delete", """{"id": -3}""", 400)]
    [TestCase("POST", "/admin/api-key/delete", """{"id": 999999}""", 404)]
    [TestCase("GET", "/admin/api-key/detail/abc", null, 400)]
    [TestCase("GET", "/admin/api-key/detail/999999", null, 404)]
    [TestCase("GET", "/admin/api-key/list?limit=-1", null, 400)]
    [TestCase("GET", "/admin/api-key/list?limit=abc", null, 400)]
    [TestCase("GET", "/admin/api-key/list?role=root", null, 400)]
    [TestCase("GET", "/admin/api-key/list-model", null, 400)]
    [TestCase("GET", "/admin/payment/list?offset=-5", null, 400)]
    [TestCase("GET", "/admin/nothing-here", null, 404)]
    public Task BadInput_IsA4xx_InTheConnectorEnvelope(string method, string path, string? body, int status) =>
        ConnectorHttp.ExpectFailureAsync(Http, method, path, body, status);

    private Task<Admin.AdminHttp.Reply> ChatAsync(string key) => ConnectorHttp.ChatAsync(Http, "file-model", key);

    private Task<(long Id, string Key)> ApplyAsync(string name, string role, decimal quota) =>
        ConnectorHttp.ApplyAsync(Http, new { name, role, month_quota = quota });
}
