using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Ledger;

/// <summary>
/// Text PostgreSQL cannot store (U+0000 inside a JSON string): a value that only goes to the spend ledger is kept with
/// the character replaced, so that its row, and every row behind it, is written; one that is stored or looked up
/// while the request waits is a 400, with nothing written.
/// </summary>
public sealed class UnstorableTextTests
{
    private TestDatabase _database = null!;
    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync("unstorable");
        _api = await ApiServer.StartAsync(ApiServer.MockDemoConfig, _database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task ChatWithANulInATag_IsAnswered_AndItsRowAndTheNextOneAreWritten()
    {
        var before = await _database.ScalarAsync<long>("SELECT count(*) FROM spend_logs");

        using (var tagged = await ChatAsync("""{"model":"demo","messages":[{"role":"user","content":"x"}],"metadata":{"tags":["n\u0000ul","plain"]}}"""))
        {
            tagged.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var next = await ChatAsync("""{"model":"demo","messages":[{"role":"user","content":"y"}]}"""))
        {
            next.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await LedgerRows.WaitForAsync(_database, before + 2, TimeSpan.FromSeconds(15))).Should().Be(before + 2);
        var tags = await _database.ScalarAsync<string>("SELECT tags::text FROM spend_logs WHERE tags IS NOT NULL ORDER BY start_time DESC LIMIT 1");
        JsonSerializer.Deserialize<string[]>(tags!).Should().Equal("n\uFFFDul", "plain");
    }

    [Test]
    public async Task ChatWithANulInTheEndUser_Is400InTheEnvelope()
    {
        using var response = await ChatAsync("""{"model":"demo","messages":[{"role":"user","content":"x"}],"user":"a\u0000b"}""");

        await ExpectInvalidTextAsync(response);
    }

    [Test]
    public async Task LookupWithANulInTheQuery_Is400InTheEnvelope()
    {
        using var response = await _api.Client.GetAsync("key/info?key=%00");

        await ExpectInvalidTextAsync(response);
    }

    [Test]
    public async Task KeyWithANulInItsAlias_Is400_AndNoKeyIsStored()
    {
        var before = await _database.ScalarAsync<long>("SELECT count(*) FROM virtual_keys");

        using var response = await _api.Client.PostAsync("key/generate", new StringContent("""{"key_alias":"a\u0000b"}""", Encoding.UTF8, "application/json"));

        await ExpectInvalidTextAsync(response);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM virtual_keys")).Should().Be(before);
    }

    [Test]
    public async Task AdminBodyWithAnUnpairedSurrogateEscape_Is400InTheEnvelope()
    {
        var before = await _database.ScalarAsync<long>("SELECT count(*) FROM teams");

        using var response = await _api.Client.PostAsync("team/new", new StringContent("""{"team_alias":"\ud800"}""", Encoding.UTF8, "application/json"));
        using var block = await _api.Client.PostAsync("team/block", new StringContent("""{"team_id":"x\udc00"}""", Encoding.UTF8, "application/json"));

        await ExpectInvalidTextAsync(response);
        await ExpectInvalidTextAsync(block);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM teams")).Should().Be(before);
    }

    [TestCase("v1/embeddings", """{"model":"\ud800","input":"x"}""")]
    [TestCase("v1/embeddings", """{"model":"demo","input":"\ud800"}""")]
    [TestCase("v1/chat/completions", """{"model":"demo","messages":[{"role":"user","content":"x"}],"user":"\udc00"}""")]
    public async Task TypedBodyWithAnUnpairedSurrogateEscape_Is400InvalidText_NotAWrongType(string route, string body)
    {
        using var response = await _api.Client.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectInvalidTextAsync(response);
    }

    [Test]
    public async Task AnthropicBodyWithAnUnpairedSurrogateEscape_Is400InAnthropicsEnvelope()
    {
        using var response = await _api.Client.PostAsync("v1/messages", new StringContent(
            """{"model":"\ud800","max_tokens":5,"messages":[{"role":"user","content":"x"}]}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("type").GetString().Should().Be("error");
        answer.RootElement.GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");
        answer.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Contain("surrogate");
    }

    [TestCase("team/block")]
    [TestCase("model/new")]
    [TestCase("key/generate")]
    public async Task AdminBodyWithBytesThatAreNotUtf8_Is400InTheEnvelope(string route)
    {
        var body = Encoding.UTF8.GetBytes("""{"team_id":"a?b","model_name":"a?b","key_alias":"a?b"}""");
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _api.Client.PostAsync(route, content);

        await ExpectInvalidTextAsync(response);
    }

    [TestCase("key/generate", "max_budget")]
    [TestCase("key/generate", "spend")]
    [TestCase("team/new", "soft_budget")]
    [TestCase("user/new", "max_budget")]
    [TestCase("budget/new", "max_budget")]
    public async Task AnAmountBeyondWhatTheLedgerHolds_Is400NamingTheField(string route, string field)
    {
        using var response = await _api.Client.PostAsync(route, new StringContent($$"""{"{{field}}":10000000000}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Be($"'{field}' cannot be more than 9999999999.");
    }

    private Task<HttpResponseMessage> ChatAsync(string body) =>
        _api.Client.PostAsync("v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task ExpectInvalidTextAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("type").GetString().Should().Be("invalid_request_error");
        error.GetProperty("code").GetString().Should().Be("invalid_text");
    }
}
