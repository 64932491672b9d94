using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Webhooks;

/// <summary>/webhooks: create, list, get, delete and the delivery log; masked secrets; owners see only their own.</summary>
public sealed class WebhookEndpointsTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          encryption_key: webhook-endpoint-tests-key
          webhook_allowed_hosts: ["127.0.0.1"]
        """;

    [Test]
    public async Task Create_WithASecret_ReturnsTheWebhookWithTheSecretMaskedAndStoresItEncrypted()
    {
        const string secret = "whsec_given-secret-0123456789abcd";
        var created = await Http.PostAsync("/webhooks", new { url = "http://127.0.0.1:9/hooks/llm", events = new[] { "batch.completed", "fine_tuning.job.completed" }, secret }, ApiServer.MasterKey);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Text.Should().NotContain(secret);
        var id = created.Str("id");
        id.Should().StartWith("wh_");
        created.Str("object").Should().Be("webhook");
        created.Str("url").Should().Be("http://127.0.0.1:9/hooks/llm");
        created.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal("batch.completed", "fine_tuning.job.completed");
        created.Json.GetProperty("created_at").GetInt64().Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
        created.Str("secret").Should().Be("whsec_...abcd");

        var fetched = await Http.GetAsync("/webhooks/" + id, ApiServer.MasterKey);
        fetched.Status.Should().Be(HttpStatusCode.OK);
        fetched.Str("secret").Should().Be("whsec_...abcd");
        var viaV1 = await Http.GetAsync("/v1/webhooks/" + id, ApiServer.MasterKey);
        viaV1.Status.Should().Be(HttpStatusCode.OK);

        var list = await Http.GetAsync("/webhooks", ApiServer.MasterKey);
        list.Str("object").Should().Be("list");
        list.Json.GetProperty("data").EnumerateArray().Select(w => w.GetProperty("id").GetString()).Should().Contain(id);
        list.Text.Should().NotContain(secret);

        var stored = await CatalogAdminHttp.ScalarTextAsync(Api.DatabaseUrl, "SELECT secret_encrypted FROM webhooks WHERE id = @p", id);
        stored.Should().NotBeNullOrEmpty().And.NotContain("given-secret");
    }

    [Test]
    public async Task Create_WithoutASecret_ShowsTheGeneratedSecretOnceAndMaskedAfterwards()
    {
        var created = await Http.PostAsync("/webhooks", new { url = "https://127.0.0.1/hook", events = new[] { "key.expiring" } }, ApiServer.MasterKey);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var secret = created.Str("secret");
        secret.Should().StartWith("whsec_").And.HaveLength("whsec_".Length + 32);
        var fetched = await Http.GetAsync("/webhooks/" + created.Str("id"), ApiServer.MasterKey);
        fetched.Str("secret").Should().Be("whsec_..." + secret[^4..]);
        (await Http.GetAsync("/webhooks", ApiServer.MasterKey)).Text.Should().NotContain(secret);
    }

    [Test]
    public async Task Create_WithUnknownEvents_Answers400NamingThem()
    {
        var reply = await Http.PostAsync("/webhooks", new { url = "http://127.0.0.1/hook", events = new[] { "batch.completed", "payment.failed", "nope" } }, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorType.Should().Be("invalid_request_error");
        var error = reply.Json.GetProperty("error");
        error.GetProperty("param").GetString().Should().Be("events");
        error.GetProperty("message").GetString().Should().StartWith("Unknown event type(s): payment.failed, nope.");
    }

    [TestCase("""{"url":"ftp://127.0.0.1/hook","events":["batch.completed"]}""", "url")]
    [TestCase("""{"url":"file:///etc/passwd","events":["batch.completed"]}""", "url")]
    [TestCase("""{"url":"/relative/hook","events":["batch.completed"]}""", "url")]
    [TestCase("""{"events":["batch.completed"]}""", "url")]
    [TestCase("""{"url":"http://user:pass@127.0.0.1/hook","events":["batch.completed"]}""", "url")]
    [TestCase("""{"url":"http://127.0.0.1/hook"}""", "events")]
    [TestCase("""{"url":"http://127.0.0.1/hook","events":[]}""", "events")]
    [TestCase("""{"url":"http://127.0.0.1/hook","events":"batch.completed"}""", "events")]
    [TestCase("""{"url":"http://127.0.0.1/hook","events":["batch.completed"],"secret":"short"}""", "secret")]
    [TestCase("""{"url":"http://127.0.0.1/hook","events":["batch.completed"],"secret":42}""", "secret")]
    public async Task Create_WithBadInput_Answers400InTheEnvelopeNamingTheField(string body, string param)
    {
        var reply = await Http.SendAsync(HttpMethod.Post, "/webhooks", body, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.ErrorType.Should().Be("invalid_request_error");
        reply.Json.GetProperty("error").GetProperty("param").GetString().Should().Be(param);
    }

    [Test]
    public async Task Create_WithMalformedJson_Answers400()
    {
        var reply = await Http.SendAsync(HttpMethod.Post, "/webhooks", """{"url": """, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorType.Should().Be("invalid_request_error");
    }

    [Test]
    public async Task Webhooks_OfAnotherOwner_AreNeitherListedNorReadableNorDeletable()
    {
        var alice = await KeyAsync(new { key_alias = "alice-hooks" });
        var bob = await KeyAsync(new { key_alias = "bob-hooks" });
        var alices = await CreateAsync(alice, "batch.completed");
        var admins = await CreateAsync(ApiServer.MasterKey, "batch.failed");

        foreach (var path in new[] { "/webhooks/" + alices, "/webhooks/" + alices + "/deliveries" })
        {
            var peek = await Http.GetAsync(path, bob);
            peek.Status.Should().Be(HttpStatusCode.NotFound, path);
            peek.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("webhook_not_found");
        }

        (await Http.SendAsync(HttpMethod.Delete, "/webhooks/" + alices, null, bob)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/webhooks/" + admins, alice)).Status.Should().Be(HttpStatusCode.NotFound);
        Ids(await Http.GetAsync("/webhooks", bob)).Should().BeEmpty();
        Ids(await Http.GetAsync("/webhooks", alice)).Should().Equal(alices);
        Ids(await Http.GetAsync("/webhooks", ApiServer.MasterKey)).Should().Contain([alices, admins]);
        (await Http.GetAsync("/webhooks/" + alices, alice)).Status.Should().Be(HttpStatusCode.OK);

        var deleted = await Http.SendAsync(HttpMethod.Delete, "/webhooks/" + alices, null, alice);
        deleted.Status.Should().Be(HttpStatusCode.OK, deleted.Text);
        deleted.Str("id").Should().Be(alices);
        deleted.Json.GetProperty("deleted").GetBoolean().Should().BeTrue();
        (await Http.GetAsync("/webhooks/" + alices, alice)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/webhooks/" + alices, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Deliveries_OfAFreshWebhook_AreAnEmptyListAndABadLimitIs400()
    {
        var id = await CreateAsync(ApiServer.MasterKey, "batch.completed");

        var log = await Http.GetAsync($"/webhooks/{id}/deliveries", ApiServer.MasterKey);
        log.Status.Should().Be(HttpStatusCode.OK, log.Text);
        log.Str("object").Should().Be("list");
        log.Json.GetProperty("data").GetArrayLength().Should().Be(0);

        var badLimit = await Http.GetAsync($"/webhooks/{id}/deliveries?limit=0", ApiServer.MasterKey);
        badLimit.Status.Should().Be(HttpStatusCode.BadRequest);
        badLimit.Json.GetProperty("error").GetProperty("param").GetString().Should().Be("limit");
        (await Http.GetAsync($"/webhooks/{id}/deliveries?limit=abc", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Http.GetAsync("/webhooks/wh_missing/deliveries", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.SendAsync(HttpMethod.Delete, "/webhooks/wh_missing", null, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    private static List<string> Ids(AdminHttp.Reply list) =>
        list.Json.GetProperty("data").EnumerateArray().Select(w => w.GetProperty("id").GetString()!).ToList();

    private async Task<string> KeyAsync(object body)
    {
        var reply = await Http.PostAsync("/key/generate", body, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("key");
    }

    private async Task<string> CreateAsync(string key, string eventType)
    {
        var reply = await Http.PostAsync("/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { eventType } }, key);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("id");
    }
}
