using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Connector;

/// <summary>
/// The Connector dialect's chat records (seed 004): a chat completion sent with a <c>session-id</c> header, whole or
/// streamed, is recorded once answered as a thread of the key's session of that id, with its last user message, the
/// answer, tokens and fee; one without the header is not. A key reads only its own records.
/// </summary>
public sealed class ChatRecordsTests : AdminApiFixture
{
    private const string Answer = "from the file";

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
    public async Task AChatWithASessionId_WholeAndStreamed_IsListedWithItsPromptAnswerAndTokens()
    {
        var key = await ApplyAsync();
        var sessionKey = "s-" + Guid.NewGuid().ToString("N");
        await ChatAsync(key.Key, sessionKey, "first question", stream: false);
        var streamed = await ChatAsync(key.Key, sessionKey, "second question", stream: true);
        streamed.Should().Contain("data: [DONE]");

        var threads = await WaitForThreadsAsync(key.Key, 2);
        var session = (await Http.GetAsync("/user/session/list", key.Key)).Json.GetProperty("data");
        session.GetProperty("total").GetInt32().Should().Be(1, "both exchanges carried the same session-id");
        var sessionRow = session.GetProperty("items")[0];
        sessionRow.GetProperty("key").GetString().Should().Be(sessionKey);
        sessionRow.GetProperty("key_id").GetInt64().Should().Be(key.Id);
        sessionRow.GetProperty("title").GetString().Should().Be(Answer);
        sessionRow.GetProperty("currency").GetString().Should().Be("USD");
        var sessionId = sessionRow.GetProperty("id").GetInt64();

        var inOrder = (await Http.GetAsync($"/user/thread/list?session_id={sessionId}", key.Key)).Json.GetProperty("data").GetProperty("items");
        inOrder.EnumerateArray().Select(t => t.GetProperty("prompt").GetString()).Should().Equal("first question", "second question");
        foreach (var thread in inOrder.EnumerateArray())
        {
            thread.GetProperty("completion").GetString().Should().Be(Answer);
            thread.GetProperty("session_id").GetInt64().Should().Be(sessionId);
            thread.GetProperty("key_id").GetInt64().Should().Be(key.Id);
            thread.GetProperty("model").GetString().Should().Be("file-model");
            thread.GetProperty("prompt_tokens").GetInt64().Should().BePositive();
            thread.GetProperty("completion_tokens").GetInt64().Should().BePositive();
            thread.GetProperty("fee").GetDecimal().Should().BePositive();
        }

        var inTokens = inOrder.EnumerateArray().Sum(t => t.GetProperty("prompt_tokens").GetInt64());
        var outTokens = inOrder.EnumerateArray().Sum(t => t.GetProperty("completion_tokens").GetInt64());
        var detail = await Http.GetAsync($"/user/session/detail/{sessionId}", key.Key);
        detail.Status.Should().Be(HttpStatusCode.OK, detail.Text);
        detail.Json.GetProperty("data").GetProperty("total_in_tokens").GetInt64().Should().Be(inTokens);
        detail.Json.GetProperty("data").GetProperty("total_out_tokens").GetInt64().Should().Be(outTokens);
        detail.Json.GetProperty("data").GetProperty("total_fee").GetDecimal().Should().Be(inOrder.EnumerateArray().Sum(t => t.GetProperty("fee").GetDecimal()));

        var threadId = threads[0].GetProperty("id").GetInt64();
        var threadDetail = await Http.GetAsync($"/user/thread/detail/{threadId}", key.Key);
        threadDetail.Status.Should().Be(HttpStatusCode.OK, threadDetail.Text);
        threadDetail.Json.GetProperty("data").GetProperty("prompt").GetString().Should().Be("second question", "threads are listed newest first");

        // An admin sees them by key and by session; q searches prompts and answers.
        var adminSessions = await Http.GetAsync($"/admin/session/list?key_id={key.Id}", ApiServer.MasterKey);
        adminSessions.Status.Should().Be(HttpStatusCode.OK, adminSessions.Text);
        adminSessions.Json.GetProperty("data").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).Should().Equal(sessionId);
        var adminThreads = await Http.GetAsync($"/admin/thread/list?session_id={sessionId}&q=second", ApiServer.MasterKey);
        adminThreads.Status.Should().Be(HttpStatusCode.OK, adminThreads.Text);
        adminThreads.Json.GetProperty("data").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("prompt").GetString()).Should().Equal("second question");
    }

    [Test]
    public async Task AChatWithoutTheHeader_IsNotRecorded()
    {
        var key = await ApplyAsync();
        await ChatAsync(key.Key, null, "not recorded", stream: false);
        await ChatAsync(key.Key, null, "not recorded either", stream: true);

        // A recorded chat after them: once it is listed, the earlier ones would have been too.
        await ChatAsync(key.Key, "marker-" + Guid.NewGuid().ToString("N"), "recorded", stream: false);
        var threads = await WaitForThreadsAsync(key.Key, 1);
        await Task.Delay(200);
        var all = await Http.GetAsync("/user/thread/list", key.Key);
        all.Json.GetProperty("data").GetProperty("total").GetInt32().Should().Be(1, all.Text);
        threads.Select(t => t.GetProperty("prompt").GetString()).Should().Equal("recorded");
        (await Http.GetAsync("/user/session/list", key.Key)).Json.GetProperty("data").GetProperty("total").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task AnotherKey_CannotSeeTheRecords()
    {
        var owner = await ApplyAsync();
        var other = await ApplyAsync();
        await ChatAsync(owner.Key, "mine-" + Guid.NewGuid().ToString("N"), "private question", stream: false);
        var thread = (await WaitForThreadsAsync(owner.Key, 1))[0];
        var threadId = thread.GetProperty("id").GetInt64();
        var sessionId = thread.GetProperty("session_id").GetInt64();
        (await Http.GetAsync($"/user/session/detail/{sessionId}", owner.Key)).Status.Should().Be(HttpStatusCode.OK);

        await ExpectNotFoundAsync($"/user/session/detail/{sessionId}", other.Key);
        await ExpectNotFoundAsync($"/user/thread/detail/{threadId}", other.Key);
        var list = await Http.GetAsync($"/user/thread/list?session_id={sessionId}", other.Key);
        list.Status.Should().Be(HttpStatusCode.OK, list.Text);
        list.Json.GetProperty("data").GetProperty("total").GetInt32().Should().Be(0);
        list.Text.Should().NotContain("private question");
        (await Http.GetAsync("/user/session/list", other.Key)).Json.GetProperty("data").GetProperty("total").GetInt32().Should().Be(0);

        var forbidden = await Http.GetAsync("/admin/thread/list", other.Key);
        forbidden.Status.Should().Be(HttpStatusCode.Forbidden, forbidden.Text);
        forbidden.Json.GetProperty("success").GetBoolean().Should().BeFalse();
    }

    [TestCase("GET", "/admin/session/list?limit=0", null, 400)]
    [TestCase("GET", "/admin/session/list?limit=abc", null, 400)]
    [TestCase("GET", "/admin/session/list?key_id=-1", null, 400)]
    [TestCase("GET", "/admin/thread/list?offset=-1", null, 400)]
    [TestCase("GET", "/admin/thread/list?session_id=abc", null, 400)]
    [TestCase("GET", "/admin/thread/list?session_id=0", null, 400)]
    [TestCase("GET", "/user/session/list?limit=1001", null, 400)]
    [TestCase("GET", "/user/thread/list?session_id=x", null, 400)]
    [TestCase("GET", "/user/session/detail/abc", null, 400)]
    [TestCase("GET", "/user/thread/detail/0", null, 400)]
    [TestCase("GET", "/user/session/detail/999999999", null, 404)]
    [TestCase("GET", "/user/thread/detail/999999999", null, 404)]
    public Task BadInput_IsA4xx_InTheConnectorEnvelope(string method, string path, string? body, int status) =>
        ConnectorHttp.ExpectFailureAsync(Http, method, path, body, status);

    private Task<(long Id, string Key)> ApplyAsync() =>
        ConnectorHttp.ApplyAsync(Http, new { name = "records-" + Guid.NewGuid().ToString("N")[..8], role = "user", month_quota = 10 });

    /// <summary>A chat whose last user message is <paramref name="prompt"/> (as text parts when streamed), after an earlier turn.</summary>
    private async Task<string> ChatAsync(string key, string? sessionId, string prompt, bool stream)
    {
        object last = stream
            ? new { role = "user", content = (object)new[] { new { type = "text", text = prompt } } }
            : new { role = "user", content = (object)prompt };
        var body = new
        {
            model = "file-model",
            stream,
            messages = new object[]
            {
                new { role = "system", content = "be brief" },
                new { role = "user", content = "an earlier question" },
                new { role = "assistant", content = "an earlier answer" },
                last,
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (sessionId is not null)
        {
            request.Headers.Add("session-id", sessionId);
        }

        request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Api.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return text;
    }

    /// <summary>The key's threads, newest first, once there are <paramref name="count"/>: a record is written after the answer is sent.</summary>
    private async Task<IReadOnlyList<JsonElement>> WaitForThreadsAsync(string key, int count)
    {
        JsonElement items = default;
        await ConnectorHttp.WaitForAsync(async () =>
        {
            var list = await Http.GetAsync("/user/thread/list", key);
            list.Status.Should().Be(HttpStatusCode.OK, list.Text);
            items = list.Json.GetProperty("data").GetProperty("items");
            return items.GetArrayLength() >= count;
        });
        return items.EnumerateArray().ToList();
    }

    private async Task ExpectNotFoundAsync(string path, string key)
    {
        var reply = await Http.GetAsync(path, key);
        reply.Status.Should().Be(HttpStatusCode.NotFound, reply.Text);
        reply.Json.GetProperty("success").GetBoolean().Should().BeFalse();
        reply.Json.GetProperty("data").GetString().Should().NotBeNullOrEmpty();
    }
}
